// A damaged database can be opened read-only from the recovery page: what is still readable can
// be read, searched and exported, every change is refused with a sentence saying why, the file
// stays byte for byte as it was, and restoring or starting fresh afterwards still keeps it.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseKeeper } from '../../../src/main/services/database-keeper.ts';
import { exportChunks } from '../../../src/main/store/export/index.ts';
import { READABLE_TEXT, READABLE_TITLE, writeDamagedButReadable } from '../../support/store/damaged-file.ts';
import { tempDir, type TempDir } from '../../support/store/temp-store.ts';
import { notReadOnly } from '../../support/store/not-read-only';

let dir: TempDir;
const keepers: DatabaseKeeper[] = [];
afterEach(() => {
  for (const k of keepers.splice(0)) k.close();
  dir.cleanup();
});

function damagedKeeper(): { k: DatabaseKeeper; bytes: Buffer } {
  dir = tempDir();
  const bytes = writeDamagedButReadable(dir.dbPath);
  const k = new DatabaseKeeper(dir.dir);
  keepers.push(k);
  return { k, bytes };
}

describe('opening a damaged database read-only', () => {
  it('reads what is intact, refuses changes with the reason, and leaves the file as it was', () => {
    const { k, bytes } = damagedKeeper();
    expect(notReadOnly(k.status())).toMatchObject({ state: 'damaged' });
    const status = k.openReadOnly();
    expect(status).toMatchObject({ state: 'damaged', readOnly: expect.stringMatching(/damaged/) });
    const titles = k.store.conversations.list().items.map((c) => c.title);
    expect(titles).toContain(READABLE_TITLE);
    const readable = k.store.conversations.list().items.find((c) => c.title === READABLE_TITLE)!;
    expect(k.store.messages.activePath(readable.id).map((m) => m.text)).toEqual([READABLE_TEXT]);
    expect(() => k.store.conversations.rename(readable.id, 'New name')).toThrow(/opened your damaged conversation database read-only, so nothing can be changed/);
    expect(() => k.store.messages.appendUser(readable.id, 'more')).toThrow(/read-only/);
    expect(() => k.openReadOnly()).toThrow(/already open read-only/);
    // Exporting is reading: what is intact goes out as usual.
    expect([...exportChunks(k.store, [readable.id], 'markdown').chunks].join('')).toContain(READABLE_TEXT);
    k.close();
    expect(readFileSync(dir.dbPath).equals(bytes)).toBe(true);
  });

  it('is offered only for damage, not for a working database', () => {
    dir = tempDir();
    const k = new DatabaseKeeper(dir.dir);
    keepers.push(k);
    expect(() => k.openReadOnly()).toThrow(/working; there is no need/);
  });

  it('restoring a backup afterwards keeps the damaged file aside, byte for byte', () => {
    dir = tempDir();
    const before = new DatabaseKeeper(dir.dir);
    before.store.conversations.create({ title: 'From the backup' });
    before.backup('manual');
    before.close();
    rmSync(dir.dbPath);
    const bytes = writeDamagedButReadable(dir.dbPath);
    const k = new DatabaseKeeper(dir.dir);
    keepers.push(k);
    k.openReadOnly();
    expect(notReadOnly(k.restore())).toMatchObject({ state: 'ok' });
    expect(k.store.conversations.list().items.map((c) => c.title)).toEqual(['From the backup']);
    const aside = readdirSync(dir.dir).filter((n) => /^plume\.db\.damaged-\w+$/.test(n));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir.dir, aside[0]!)).equals(bytes)).toBe(true);
  });

  it('starting fresh from read-only keeps the damaged file beside the new one', () => {
    const { k, bytes } = damagedKeeper();
    k.openReadOnly();
    const status = k.startFresh();
    expect(notReadOnly(status)).toMatchObject({ state: 'ok' });
    expect(k.store.conversations.list().items).toEqual([]);
    const aside = readdirSync(dir.dir).filter((n) => /^plume\.db\.set-aside-\w+$/.test(n));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir.dir, aside[0]!)).equals(bytes)).toBe(true);
  });
});

