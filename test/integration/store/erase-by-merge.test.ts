// Erasing many deleted messages at once goes by delete markers and a merge of the whole search
// index instead of secure delete per message (far cheaper on a big file). The merge is what makes
// the words go: until it has run they are still in the index, and a quit before it finishes must
// not leave them there for good. Deleting a branch removes its words from the index at once.
import { afterEach, describe, expect, it } from 'vitest';
import { startDeletePurger } from '../../../src/main/services/delete-purger.ts';
import { openStore, type Store } from '../../../src/main/store/store.ts';
import { filesContaining } from '../../support/store/logical-dump.ts';
import { exchange, tempDir, type TempDir } from '../../support/store/temp-store.ts';

const SECRET = 'xylophonequagmire';

let dir: TempDir;
let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
  dir.cleanup();
});

/** Three conversations of 100 messages each (more than secure delete is worth), all deleted. */
function fillAndDelete(s: Store): void {
  const kept = s.conversations.create({ title: 'Kept' });
  exchange(s, kept.id, 'ordinary words that stay', 'a kept answer');
  for (let c = 0; c < 3; c++) {
    const conv = s.conversations.create({ title: `Gone ${c}` });
    for (let m = 0; m < 50; m++) exchange(s, conv.id, `question ${m} about ${SECRET}`, `answer ${m} on ${SECRET} number ${c}`);
    s.conversations.softDelete(conv.id);
  }
  s.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

describe('erasing many conversations at once', () => {
  it('leaves none of their words in the folder, and the rest searchable', () => {
    dir = tempDir();
    store = openStore(dir.dbPath);
    fillAndDelete(store);
    expect(filesContaining(dir.dir, Buffer.from(SECRET))).not.toEqual([]);

    expect(store.conversations.purgeDeleted(Number.MAX_SAFE_INTEGER)).toBe(3);
    expect(store.search(SECRET)).toEqual([]);
    expect(store.search('ordinary').map((h) => h.snippet.text)).toEqual(['ordinary words that stay']);
    store.close();
    store = null;
    expect(filesContaining(dir.dir, Buffer.from(SECRET))).toEqual([]);
    expect(filesContaining(dir.dir, Buffer.from('ordinary words that stay'))).toEqual(['plume.db']);
  });

  it('a quit after the rows went but before the index merge: the next start finishes it', async () => {
    dir = tempDir();
    store = openStore(dir.dbPath);
    fillAndDelete(store);
    // The rows go in one step; the index still holds the words, waiting for its merge.
    expect(store.conversations.eraseStep(Number.MAX_SAFE_INTEGER)).toEqual({ erased: 3, more: true });
    expect(store.search(SECRET)).toEqual([]);
    store.close();
    expect(filesContaining(dir.dir, Buffer.from(SECRET))).not.toEqual([]);

    store = openStore(dir.dbPath);
    const purger = startDeletePurger(() => store as Store, 0);
    await purger.idle();
    purger.close();
    expect(store.search('ordinary')).toHaveLength(1);
    store.close();
    store = null;
    expect(filesContaining(dir.dir, Buffer.from(SECRET))).toEqual([]);
  });

  it('deleting a branch leaves none of its words in the folder', () => {
    dir = tempDir();
    store = openStore(dir.dbPath);
    const conv = store.conversations.create({ title: 'Branches' });
    exchange(store, conv.id, 'ordinary words that stay', 'a kept answer');
    const { userId } = exchange(store, conv.id, `a question about ${SECRET}`, `an answer on ${SECRET}`);
    store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(filesContaining(dir.dir, Buffer.from(SECRET))).not.toEqual([]);

    store.messages.deleteBranch(userId);
    expect(store.search(SECRET)).toEqual([]);
    store.close();
    store = null;
    expect(filesContaining(dir.dir, Buffer.from(SECRET))).toEqual([]);
  });
});
