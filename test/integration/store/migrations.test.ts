// Opening a new file, upgrading an old one, and refusing to damage a file on failure.
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError } from '../../../src/main/store/migrate.ts';
import { MIGRATIONS } from '../../../src/main/store/schema.ts';
import { openStore } from '../../../src/main/store/store.ts';
import { filesContaining } from '../../support/store/logical-dump.ts';
import { tempDir, type TempDir } from '../../support/store/temp-store.ts';

const LATEST = MIGRATIONS.at(-1)!.version;
let dir: TempDir;
afterEach(() => dir.cleanup());

function userVersion(path: string): number {
  const db = new DatabaseSync(path);
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('creates a WAL database at the latest schema from nothing', () => {
    dir = tempDir();
    const store = openStore(dir.dbPath);
    expect(store.opened).toMatchObject({ fromVersion: 0, toVersion: LATEST });
    expect((store.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    store.close();
    expect(userVersion(dir.dbPath)).toBe(LATEST);
    // Opening again is a no-op upgrade.
    const again = openStore(dir.dbPath);
    expect(again.opened).toMatchObject({ fromVersion: LATEST, toVersion: LATEST });
    again.close();
  });

  it('upgrades a version-1 file, keeping its conversations and making them searchable', () => {
    dir = tempDir();
    writeVersion1File(dir.dbPath, 'Old chat about marmalade', 'How long do I boil marmalade?');
    expect(userVersion(dir.dbPath)).toBe(1);

    const store = openStore(dir.dbPath);
    expect(store.opened).toMatchObject({ fromVersion: 1, toVersion: LATEST });
    expect(store.conversations.list().items.map((x) => [x.title, x.systemPrompt])).toEqual([['Old chat about marmalade', '']]);
    const hits = store.search('boil');
    expect(hits.map((h) => h.snippet.text)).toEqual(['How long do I boil marmalade?']);
    store.close();
  });

  it('leaves the previous file untouched when a step fails, and says so', () => {
    dir = tempDir();
    writeVersion1File(dir.dbPath, 'Keep me', 'precious words');

    const broken = [
      ...MIGRATIONS.slice(0, 2),
      { version: 3, name: 'a broken step', up: (db: DatabaseSync) => db.exec('CREATE TABLE nope (x INTEGER); SELECT * FROM missing_table') },
    ];
    let error: unknown;
    try {
      openStore(dir.dbPath, { migrations: broken });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/from version 1 to 3: step 3 \(a broken step\) failed: .*missing_table.*left unchanged at version 1/);

    // Still version 1, no half-made tables, data intact, and the real build can still upgrade it.
    expect(userVersion(dir.dbPath)).toBe(1);
    const raw = new DatabaseSync(dir.dbPath);
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    raw.close();
    expect(tables).toEqual(['conversations', 'messages']);
    const store = openStore(dir.dbPath);
    expect(store.search('precious')).toHaveLength(1);
    store.close();
  });

  it('upgrades a version-9 file: its conversations stay searchable, and erasing one afterwards leaves none of its words', () => {
    dir = tempDir();
    openStore(dir.dbPath, { migrations: MIGRATIONS.slice(0, 9) }).close();
    const old = new DatabaseSync(dir.dbPath);
    const insertMessage = old.prepare("INSERT INTO messages (id, conversation_id, role, text, created_at, updated_at) VALUES (?, ?, 'user', ?, 1, 1)");
    for (const [id, text] of [['kept', 'ordinary marmalade words'], ['gone', 'the quokkazanzibar secret']] as const) {
      old.prepare("INSERT INTO conversations (id, title, title_source, created_at, updated_at, active_root_id) VALUES (?, ?, 'user', 1, 1, ?)").run(id, id, `${id}-m`);
      insertMessage.run(`${id}-m`, id, text);
    }
    old.close();

    const store = openStore(dir.dbPath);
    expect(store.opened).toMatchObject({ fromVersion: 9, toVersion: LATEST });
    expect(store.search('marmalade').map((h) => h.conversationId)).toEqual(['kept']);
    store.conversations.softDelete('gone');
    expect(store.conversations.purgeDeleted(Number.MAX_SAFE_INTEGER)).toBe(1);
    expect(store.search('quokkazanzibar')).toEqual([]);
    store.close();
    expect(filesContaining(dir.dir, Buffer.from('quokkazanzibar'))).toEqual([]);
    expect(filesContaining(dir.dir, Buffer.from('ordinary marmalade words'))).toEqual(['plume.db']);
  });

  it('upgrades a version-10 file with a reply left streaming: it reopens interrupted, searchable by its saved words, the index sound', () => {
    dir = tempDir();
    openStore(dir.dbPath, { migrations: MIGRATIONS.slice(0, 10) }).close();
    const old = new DatabaseSync(dir.dbPath);
    old.exec("INSERT INTO conversations (id, title, title_source, created_at, updated_at, active_root_id) VALUES ('c', 'c', 'user', 1, 1, 'q')");
    const insert = old.prepare("INSERT INTO messages (id, conversation_id, parent_id, role, text, state, created_at, updated_at) VALUES (?, 'c', ?, ?, ?, ?, 1, 1)");
    insert.run('q', null, 'user', 'tell me about kiwis', 'complete');
    insert.run('r', 'q', 'assistant', 'early kiwidraft', 'streaming');
    // Version 10 indexed every checkpoint, so the index holds the reply's words of the time.
    old.prepare("UPDATE messages SET text = 'saved kiwiwords' WHERE id = 'r'").run();
    old.close();

    const store = openStore(dir.dbPath);
    expect(store.opened).toMatchObject({ fromVersion: 10, toVersion: LATEST, interruptedReplies: 1 });
    expect(store.search('kiwiwords').map((h) => [h.messageId, h.snippet.text])).toEqual([['r', 'saved kiwiwords']]);
    expect(store.search('kiwidraft')).toEqual([]);
    expect(() => store.db.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    store.close();
  });

  it('refuses a file from a newer Plume without changing it', () => {
    dir = tempDir();
    openStore(dir.dbPath).close();
    const raw = new DatabaseSync(dir.dbPath);
    raw.exec(`PRAGMA user_version = ${LATEST + 5}`);
    raw.close();
    expect(() => openStore(dir.dbPath)).toThrow(/newer Plume .*not opened/);
    expect(userVersion(dir.dbPath)).toBe(LATEST + 5);
  });
});

/**
 * A file as Plume at schema version 1 wrote it: today's repositories read columns that came
 * later, so the rows go in with plain SQL against the version-1 tables.
 */
function writeVersion1File(path: string, title: string, text: string): void {
  openStore(path, { migrations: MIGRATIONS.slice(0, 1) }).close();
  const db = new DatabaseSync(path);
  db.prepare("INSERT INTO conversations (id, title, title_source, created_at, updated_at, active_root_id) VALUES ('c1', ?, 'user', 1, 1, 'm1')").run(title);
  db.prepare("INSERT INTO messages (id, conversation_id, role, text, created_at, updated_at) VALUES ('m1', 'c1', 'user', ?, 1, 1)").run(text);
  db.close();
}
