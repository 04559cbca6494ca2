// Opening the conversation file for reading only (what a full disk at start gets): everything
// reads, nothing writes, and a file that would first need a schema upgrade is refused.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/store/schema';
import { openStore, ReadOnlyNeedsUpgrade } from '../../../src/main/store/store';
import { tempDirs } from '../../support/temp-dirs';

const folder = tempDirs('plume-read-only-');

describe('read-only open on a full disk', () => {
  it('reads conversations and search, refuses every write, and leaves the file as it was', () => {
    const path = join(folder(), 'plume.db');
    const writable = openStore(path);
    const c = writable.conversations.create({ title: 'Kept' });
    writable.messages.appendUser(c.id, 'a remembered question');
    writable.close();

    const store = openStore(path, { readOnly: 'disk-full' });
    try {
      expect(store.conversations.list({ limit: 5 }).items.map((x) => x.title)).toEqual(['Kept']);
      expect(store.messages.activePath(c.id).map((m) => m.text)).toEqual(['a remembered question']);
      expect(store.search('remembered')).toHaveLength(1);
      expect(() => store.conversations.rename(c.id, 'Changed')).toThrow(/readonly/);
    } finally {
      store.close();
    }
    const again = openStore(path);
    expect(again.conversations.list({ limit: 5 }).items.map((x) => x.title)).toEqual(['Kept']);
    again.close();
  });

  it('a file from before the latest schema is refused: upgrading it would change the file', () => {
    const path = join(folder(), 'plume.db');
    openStore(path, { migrations: MIGRATIONS.slice(0, -1) }).close();
    expect(() => openStore(path, { readOnly: 'disk-full' })).toThrow(ReadOnlyNeedsUpgrade);
  });
});
