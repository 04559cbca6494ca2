// The database file's life: a backup before every schema upgrade and every import, a failed
// upgrade or import that leaves the file logically identical, a damaged file kept and reported
// (never overwritten) with restore and start-fresh, a WAL from another database refused, damage
// found by the check after start, and private file modes.
import { readFileSync, statSync, writeFileSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseKeeper } from '../../../src/main/services/database-keeper.ts';
import { listBackups } from '../../../src/main/store/backup.ts';
import { importFile } from '../../../src/main/store/import/index.ts';
import { MIGRATIONS } from '../../../src/main/store/schema.ts';
import { openStore } from '../../../src/main/store/store.ts';
import { logicalDumpHash } from '../../support/store/logical-dump.ts';
import { tempDir, type TempDir } from '../../support/store/temp-store.ts';

const LATEST = MIGRATIONS.at(-1)!.version;
let dir: TempDir;
const keepers: DatabaseKeeper[] = [];
afterEach(() => {
  for (const k of keepers.splice(0)) k.close();
  dir.cleanup();
});

function keeper(): DatabaseKeeper {
  const k = new DatabaseKeeper(dir.dir);
  keepers.push(k);
  return k;
}

/** A file at schema `version` holding one conversation (every version has these two tables). */
function writeOldFile(path: string, version: number, text: string): void {
  openStore(path, { migrations: MIGRATIONS.slice(0, version) }).close();
  const db = new DatabaseSync(path);
  db.prepare("INSERT INTO conversations (id, title, title_source, created_at, updated_at, active_root_id) VALUES ('c1', 'Old', 'user', 1, 1, 'm1')").run();
  db.prepare("INSERT INTO messages (id, conversation_id, role, text, created_at, updated_at) VALUES ('m1', 'c1', 'user', ?, 1, 1)").run(text);
  db.close();
}

function userVersion(path: string): number {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } finally {
    db.close();
  }
}

describe('backups', () => {
  for (let version = 1; version < LATEST; version++) {
    it(`upgrading a version-${version} file first leaves a backup of it, at version ${version}, with its conversations`, () => {
      dir = tempDir();
      writeOldFile(dir.dbPath, version, `words from schema ${version}`);
      const k = keeper();
      expect(k.status().state).toBe('ok');
      const backups = listBackups(join(dir.dir, 'backups'));
      expect(backups.map((b) => b.reason)).toEqual([`before-upgrade-v${version}`]);
      expect(userVersion(backups[0]!.path)).toBe(version);
      const copy = new DatabaseSync(backups[0]!.path, { readOnly: true });
      expect(copy.prepare('SELECT text FROM messages').all()).toEqual([{ text: `words from schema ${version}` }]);
      copy.close();
      expect(k.store.conversations.list().items.map((c) => c.title)).toEqual(['Old']);
    });
  }

  it('a new, empty file needs no backup; "Back up now" and imports each take one, and only the newest five are kept', async () => {
    dir = tempDir();
    const k = keeper();
    expect(k.status().backups).toEqual([]);
    for (let i = 0; i < 7; i++) k.backup('manual');
    const status = k.status();
    expect(status.backups).toHaveLength(5);
    expect(status.backupDir).toBe(join(dir.dir, 'backups'));
    expect(statSync(status.backups[0] ? join(status.backupDir, status.backups[0].name) : '').mode & 0o777).toBe(0o600);
  });

  it('a failed upgrade leaves the file logically identical (hash of a full dump)', () => {
    dir = tempDir();
    writeOldFile(dir.dbPath, 2, 'precious words');
    const before = logicalDumpHash(dir.dbPath);
    const broken = [...MIGRATIONS.slice(0, 3), { version: 4, name: 'a broken step', up: (db: DatabaseSync) => db.exec('ALTER TABLE conversations ADD COLUMN x; SELECT * FROM missing') }];
    expect(() => openStore(dir.dbPath, { migrations: broken, backupDir: join(dir.dir, 'backups') })).toThrow(/step 4 \(a broken step\) failed/);
    expect(logicalDumpHash(dir.dbPath)).toBe(before);
    expect(listBackups(join(dir.dir, 'backups')).map((b) => b.reason)).toEqual(['before-upgrade-v2']);
  });

  it('a failed import leaves the file logically identical', () => {
    dir = tempDir();
    const store = openStore(dir.dbPath);
    const c = store.conversations.create({ title: 'Before the import' });
    store.messages.appendUser(c.id, 'hello');
    store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const before = logicalDumpHash(dir.dbPath);
    // The second conversation is broken: the whole file is refused, the first is not kept either.
    const doc = { format: 'plume.conversations', version: 1, exportedAt: new Date().toISOString(), conversations: [
      { id: 'ok-1', title: 'Fine', titleSource: 'user', createdAt: 1, updatedAt: 1, pinned: false, providerId: null, model: null, options: {}, systemPrompt: '', activeRootId: null, messages: [] },
      { id: 'bad-2', title: 42 },
    ] };
    expect(() => importFile(store, JSON.stringify(doc))).toThrow();
    store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(logicalDumpHash(dir.dbPath)).toBe(before);
    store.close();
  });
});

describe('a damaged or foreign file at start', () => {
  it('a damaged file is reported, kept byte for byte, and restoring the latest backup brings the conversations back', () => {
    dir = tempDir();
    let k = keeper();
    k.store.conversations.create({ title: 'Worth saving' });
    k.backup('manual');
    k.close();
    // Overwrite the header: SQLite no longer recognises the file.
    const bytes = readFileSync(dir.dbPath);
    bytes.write('definitely not sqlite', 0);
    writeFileSync(dir.dbPath, bytes);

    k = keeper();
    const status = k.status();
    expect(status.state).toBe('damaged');
    expect(status.problem).toMatch(/damaged .*Plume did not change it/);
    expect(status.remedy).toMatch(/Restore the latest backup, or start with an empty database/);
    expect(() => k.store.conversations.list()).toThrow(/Your conversations are not available: The conversation database .* is damaged/);
    expect(readFileSync(dir.dbPath).equals(bytes)).toBe(true);

    const restored = k.restore();
    expect(restored.state).toBe('ok');
    expect(k.store.conversations.list().items.map((c) => c.title)).toEqual(['Worth saving']);
    // The damaged file was set aside, not deleted.
    const aside = readdirSync(dir.dir).filter((n) => n.startsWith('plume.db.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir.dir, aside[0]!)).equals(bytes)).toBe(true);
  });

  it('"start fresh" keeps the damaged file beside the new, empty one', () => {
    dir = tempDir();
    writeFileSync(dir.dbPath, 'this was never a database, but it is the user\'s file'.repeat(100));
    const k = keeper();
    expect(k.status().state).toBe('damaged');
    const status = k.startFresh();
    expect(status.state).toBe('ok');
    expect(status.notices[0]).toMatch(/kept as .*plume\.db\.set-aside-/);
    expect(k.store.conversations.list().items).toEqual([]);
  });

  it('a file from a newer Plume is refused untouched, with what to do', () => {
    dir = tempDir();
    openStore(dir.dbPath).close();
    const db = new DatabaseSync(dir.dbPath);
    db.exec(`PRAGMA user_version = ${LATEST + 7}`);
    db.close();
    const before = readFileSync(dir.dbPath);
    const status = keeper().status();
    expect(status.state).toBe('newer');
    expect(status.remedy).toMatch(/newer Plume/);
    expect(readFileSync(dir.dbPath).equals(before)).toBe(true);
  });

  it('a WAL copied from another database is refused, not replayed: the file keeps its own conversations', () => {
    dir = tempDir();
    const mine = openStore(dir.dbPath);
    mine.conversations.create({ title: 'Mine' });
    mine.close();
    // Another database with its recent writes still in its WAL (the copy is taken while it is open).
    const other = tempDir();
    try {
      const theirs = openStore(other.dbPath);
      theirs.db.exec('PRAGMA wal_autocheckpoint = 0');
      for (let i = 0; i < 50; i++) theirs.conversations.create({ title: `Theirs ${i} ${'x'.repeat(2000)}` });
      copyFileSync(`${other.dbPath}-wal`, `${dir.dbPath}-wal`);
      theirs.close();
    } finally {
      other.cleanup();
    }
    const k = keeper();
    expect(k.status().state).toBe('ok');
    expect(k.status().notices.join(' ')).toMatch(/did not match the database and was not replayed/);
    expect(k.store.conversations.list().items.map((c) => c.title)).toEqual(['Mine']);
  });

  it('the check after start reports a damaged page in the middle of an otherwise readable file', async () => {
    dir = tempDir();
    const store = openStore(dir.dbPath);
    const c = store.conversations.create({ title: 'Long one' });
    for (let i = 0; i < 300; i++) store.messages.appendUser(c.id, `message ${i} ${'lorem ipsum '.repeat(40)}`);
    // A page that opening the file never reads: the search index's, deep inside the file.
    const { rootpage } = store.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'messages_fts_data'").get() as { rootpage: number };
    const pageSize = (store.db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;
    store.close();
    const bytes = readFileSync(dir.dbPath);
    bytes.fill(0x5a, (rootpage - 1) * pageSize, (rootpage - 1) * pageSize + 64);
    writeFileSync(dir.dbPath, bytes);
    const k = keeper();
    expect(k.status().check).toBe('running');
    await k.checkInBackground();
    expect(k.status().check).toMatch(/SQLite found damage in .*restore a backup/s);
  });
});

describe('file modes', () => {
  it('the data folder is 0700 and the database, its WAL and SHM, backups and settings are 0600', async () => {
    dir = tempDir();
    const k = keeper();
    k.store.conversations.create({ title: 'x' });
    k.backup('manual');
    expect(statSync(dir.dir).mode & 0o777).toBe(0o700);
    for (const name of ['plume.db', 'plume.db-wal', 'plume.db-shm']) {
      if (existsSync(join(dir.dir, name))) expect(statSync(join(dir.dir, name)).mode & 0o777, name).toBe(0o600);
    }
    expect(statSync(join(dir.dir, 'backups')).mode & 0o777).toBe(0o700);
    for (const b of k.status().backups) expect(statSync(join(dir.dir, 'backups', b.name)).mode & 0o777).toBe(0o600);
    const { writeJsonFile } = await import('../../../src/main/settings/json-file.ts');
    await writeJsonFile(join(dir.dir, 'settings.json'), { a: 1 });
    expect(statSync(join(dir.dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });
});
