// Erasing many deleted conversations leaves the host free between them, and still erases them all.
import { afterEach, describe, expect, it } from 'vitest';
import { startDeletePurger } from '../../../src/main/services/delete-purger';
import { exchange, tempStore } from '../../support/store/temp-store.ts';

let t: ReturnType<typeof tempStore>;
afterEach(() => t.done());

describe('delete purger', () => {
  it('erases deleted conversations one at a time, with a turn for other work in between', async () => {
    t = tempStore();
    const { store } = t;
    const ids = Array.from({ length: 4 }, (_, i) => {
      const c = store.conversations.create({ title: `gone ${i}` });
      exchange(store, c.id, `question ${i}`, `answer ${i}`);
      store.conversations.softDelete(c.id);
      return c.id;
    });
    const kept = store.conversations.create({ title: 'kept' });
    const remaining = () => ids.filter((id) => store.conversations.get(id) !== null).length;

    const purger = startDeletePurger(() => store, 0);
    // Work queued right after start (an RPC, a reply's delta) runs before the last one is erased.
    const seenByOtherWork = await new Promise<number>((resolve) => setImmediate(() => resolve(remaining())));
    expect(seenByOtherWork).toBeGreaterThan(0);
    expect(seenByOtherWork).toBeLessThan(ids.length);

    await purger.idle();
    expect(remaining()).toBe(0);
    expect(store.conversations.get(kept.id)?.title).toBe('kept');
    expect(store.search('answer')).toEqual([]);
    purger.close();
  });
});
