// The sidebar: order, paging, titles, pinning, soft delete with Undo, date groups.
import { afterEach, describe, expect, it } from 'vitest';
import { groupConversations, type ConversationSummary } from '../../../src/shared/conversations.ts';
import { exchange, tempStore } from '../../support/store/temp-store.ts';

let t: ReturnType<typeof tempStore>;
afterEach(() => t.done());

describe('conversations', () => {
  it('lists pinned first, then by last activity, page by page', () => {
    let clock = 1_000;
    t = tempStore({ now: () => clock++ });
    const { store } = t;
    const ids = Array.from({ length: 7 }, (_, i) => store.conversations.create({ title: `c${i}` }).id);
    store.messages.appendUser(ids[2]!, 'activity moves c2 up');
    store.conversations.setPinned(ids[5]!, true);
    const first = store.conversations.list({ limit: 3 });
    const second = store.conversations.list({ limit: 3, after: first.nextCursor });
    const third = store.conversations.list({ limit: 3, after: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((c) => c.title)).toEqual(['c5', 'c2', 'c6', 'c4', 'c3', 'c1', 'c0']);
    expect(third.nextCursor).toBeNull();
  });

  it('titles itself from the first message, and a rename is never overwritten', () => {
    t = tempStore();
    const { store } = t;
    const c = store.conversations.create();
    exchange(store, c.id, '## How do I **parse** JSON in Rust without pulling in serde or any other large dependency?\nmore', 'Use…');
    expect(store.conversations.get(c.id)?.title).toBe('How do I parse JSON in Rust without pulling in serde or any…');
    expect(store.conversations.setAutoTitle(c.id, 'Parsing JSON in Rust')).toBe(true);
    store.conversations.rename(c.id, 'My Rust notes');
    expect(store.conversations.setAutoTitle(c.id, 'Something generated')).toBe(false);
    expect(store.conversations.get(c.id)).toMatchObject({ title: 'My Rust notes', titleSource: 'user' });
    expect(() => store.conversations.rename(c.id, '   ')).toThrow(/cannot be empty/);
  });

  it('soft delete hides a conversation from the list and search; Undo restores it whole', () => {
    t = tempStore();
    const { store } = t;
    const c = store.conversations.create({ title: 'Sourdough' });
    exchange(store, c.id, 'How wet should sourdough be?', 'About 75% hydration.');
    store.conversations.softDelete(c.id);
    expect(store.conversations.list().items).toEqual([]);
    expect(store.search('hydration')).toEqual([]);
    expect(store.conversations.get(c.id)?.deletedAt).not.toBeNull();

    const back = store.conversations.undoDelete(c.id);
    expect(back.deletedAt).toBeNull();
    expect(store.conversations.list().items.map((x) => x.id)).toEqual([c.id]);
    expect(store.messages.activePath(c.id).map((m) => m.text)).toEqual(['How wet should sourdough be?', 'About 75% hydration.']);
    expect(store.search('hydration')).toHaveLength(1);
  });

  it('purges only what has waited in the bin long enough', () => {
    let clock = 10_000;
    t = tempStore({ now: () => clock });
    const { store } = t;
    const old = store.conversations.create({ title: 'old' });
    exchange(store, old.id, 'q', 'a');
    store.conversations.softDelete(old.id);
    clock = 20_000;
    const recent = store.conversations.create({ title: 'recent' });
    store.conversations.softDelete(recent.id);
    expect(store.conversations.purgeDeleted(15_000)).toBe(1);
    expect(store.conversations.get(old.id)).toBeNull();
    expect(store.messages.all(old.id)).toEqual([]);
    expect(store.conversations.undoDelete(recent.id).title).toBe('recent');
  });
});

describe('groupConversations', () => {
  const at = (y: number, mo: number, d: number, h = 12) => new Date(y, mo - 1, d, h).getTime();
  const conv = (title: string, updatedAt: number, pinned = false): ConversationSummary => ({
    id: title, title, titleSource: 'user', createdAt: updatedAt, updatedAt, pinned, providerId: null, model: null, options: {}, systemPrompt: '', deletedAt: null,
  });

  it('puts pinned first, then Today / Yesterday / Previous 7 and 30 days / months', () => {
    const now = at(2026, 3, 15, 0) + 30 * 60_000; // 00:30, just after midnight
    const groups = groupConversations(
      [
        conv('pinned-old', at(2025, 6, 1), true),
        conv('today', at(2026, 3, 15, 0) + 60_000),
        conv('yesterday-late', at(2026, 3, 14, 23)),
        conv('week', at(2026, 3, 9)),
        conv('month', at(2026, 2, 20)),
        conv('january', at(2026, 1, 5)),
        conv('last-year', at(2025, 11, 2)),
      ],
      now,
    );
    expect(groups.map((g) => [g.label, g.conversations.map((c) => c.title)])).toEqual([
      ['Pinned', ['pinned-old']],
      ['Today', ['today']],
      ['Yesterday', ['yesterday-late']],
      ['Previous 7 days', ['week']],
      ['Previous 30 days', ['month']],
      ['January', ['january']],
      ['November 2025', ['last-year']],
    ]);
  });
});
