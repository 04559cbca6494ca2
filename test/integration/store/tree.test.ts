// Branches: edit and regenerate make siblings, the ‹ n/m › switcher, remembered choices,
// deleting a branch.
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/store/store.ts';
import { DONE, exchange, useTempStore } from '../../support/store/temp-store.ts';

const ctx = useTempStore();
let store: Store;
beforeEach(() => {
  store = ctx.store;
});

const view = (id: string) => store.messages.activePath(id).map((m) => `${m.text} ${m.siblingIndex + 1}/${m.siblingCount}`);

describe('message tree', () => {
  it('regenerate adds a sibling reply and shows it; switching goes back', () => {
    const c = store.conversations.create();
    const { replyId } = exchange(store, c.id, 'Name a colour', 'Red');
    const again = store.messages.regenerate(replyId, { providerId: 'anthropic', model: 'claude-test' });
    again.finish(DONE, 'Blue');
    expect(view(c.id)).toEqual(['Name a colour 1/1', 'Blue 2/2']);
    expect(store.messages.activePath(c.id)[1]?.model).toBe('claude-test');

    store.messages.switchSibling(replyId, 0);
    expect(view(c.id)).toEqual(['Name a colour 1/1', 'Red 1/2']);
    // The switch is remembered across reopen.
    store.close();
    store = openStore(ctx.current.dir.dbPath);
    ctx.current.store = store;
    expect(view(c.id)).toEqual(['Name a colour 1/1', 'Red 1/2']);
  });

  it('editing a user message starts a new branch and each branch keeps its own choices', () => {
    const c = store.conversations.create();
    const first = exchange(store, c.id, 'Q1', 'A1');
    exchange(store, c.id, 'Q2', 'A2');
    const edited = store.messages.editUser(first.userId, 'Q1 edited');
    store.messages.beginAssistant(c.id, { providerId: 'p', model: 'm' }).finish(DONE, 'A1 for edit');
    expect(view(c.id)).toEqual(['Q1 edited 2/2', 'A1 for edit 1/1']);
    expect(edited.parentId).toBeNull();

    // Back to the original branch: its later messages come back too.
    store.messages.switchSibling(edited.id, 0);
    expect(view(c.id)).toEqual(['Q1 1/2', 'A1 1/1', 'Q2 1/1', 'A2 1/1']);
    store.messages.switchSibling(edited.id, 1);
    expect(view(c.id)).toEqual(['Q1 edited 2/2', 'A1 for edit 1/1']);
    expect(() => store.messages.switchSibling(edited.id, 2)).toThrow(/Branch 3 does not exist \(there are 2\)/);
    expect(() => store.messages.editUser(first.replyId, 'x')).toThrow(/only user messages/);
  });

  it('selecting a message on a hidden branch (a search hit) makes its branch active', () => {
    const c = store.conversations.create();
    const { replyId } = exchange(store, c.id, 'Q', 'old answer');
    store.messages.regenerate(replyId, { providerId: 'p', model: 'm' }).finish(DONE, 'new answer');
    store.messages.select(replyId);
    expect(view(c.id)).toEqual(['Q 1/1', 'old answer 1/2']);
  });

  it('deleting the shown branch removes its subtree and shows the neighbouring branch', () => {
    const c = store.conversations.create();
    const { replyId } = exchange(store, c.id, 'Q', 'first');
    const second = store.messages.regenerate(replyId, { providerId: 'p', model: 'm' }).finish(DONE, 'second');
    store.messages.appendUser(c.id, 'follow-up on second');
    const third = store.messages.regenerate(replyId, { providerId: 'p', model: 'm' }).finish(DONE, 'third');
    store.messages.switchSibling(second.id, 1);
    expect(view(c.id)).toEqual(['Q 1/1', 'second 2/3', 'follow-up on second 1/1']);

    store.messages.deleteBranch(second.id);
    expect(view(c.id)).toEqual(['Q 1/1', 'first 1/2']);
    expect(store.messages.all(c.id).map((m) => m.text).sort()).toEqual(['Q', 'first', 'third']);
    expect(store.search('follow')).toEqual([]);

    // Deleting a branch that is not shown leaves the view alone.
    store.messages.deleteBranch(third.id);
    expect(view(c.id)).toEqual(['Q 1/1', 'first 1/1']);
  });

  it('a long path opens from its newest messages, and the older ones read a page at a time make the whole shown branch', () => {
    const c = store.conversations.create();
    for (let i = 0; i < 30; i++) exchange(store, c.id, `Q${i}`, `A${i}`);
    // A second version of an old reply: the pages follow the branch on screen, not the other one.
    const old = store.messages.activePath(c.id)[11]!;
    store.messages.regenerate(old.id, { providerId: null, model: null }).finish(DONE, 'A5 again');
    store.messages.switchSibling(old.id, 0);
    const whole = store.messages.activePath(c.id);
    const label = (m: { text: string; siblingIndex: number; siblingCount: number }) => `${m.text} ${m.siblingIndex + 1}/${m.siblingCount}`;

    const newest = store.messages.activePathTail(c.id, 8);
    expect(newest.total).toBe(60);
    expect(newest.path.map(label)).toEqual(whole.slice(-8).map(label));

    const read = [...newest.path];
    for (;;) {
      const older = store.messages.ancestors(read[0]!.id, 25);
      read.unshift(...older);
      if (older.length < 25) break;
    }
    expect(read.map(label)).toEqual(whole.map(label));
    expect(read.map(label)[11]).toBe('A5 1/2');
    expect(store.messages.ancestors(whole[0]!.id, 25)).toEqual([]);
  });

  it('deletes a 3,000-message-deep branch in one go', () => {
    const c = store.conversations.create();
    const root = store.messages.appendUser(c.id, 'start');
    let parentId = root.id;
    for (let i = 0; i < 3000; i++) parentId = store.messages.appendUser(c.id, `m${i}`, { parentId }).id;
    expect(store.messages.activePath(c.id)).toHaveLength(3001);
    store.messages.deleteBranch(root.id);
    expect(store.messages.activePath(c.id)).toEqual([]);
    expect(store.messages.all(c.id)).toEqual([]);
  });

  it('records provider, model, outcome, usage and timing of a reply', () => {
    const c = store.conversations.create();
    store.messages.appendUser(c.id, 'hi');
    const cp = store.messages.beginAssistant(c.id, { providerId: 'openai', model: 'gpt-x' });
    expect(store.messages.get(cp.messageId)?.state).toBe('streaming');
    cp.update('partial', 'thinking…');
    const m = cp.finish({
      state: 'error',
      error: { kind: 'rate_limit', message: 'Too many requests; retry in 20 s', status: 429, retryAfterSec: 20 },
      stats: { usage: { inputTokens: 5, outputTokens: 1 }, estimated: false, ttftMs: 300, tokensPerSec: 12.5 },
    });
    expect(m).toMatchObject({
      role: 'assistant', text: 'partial', reasoning: 'thinking…', providerId: 'openai', model: 'gpt-x', state: 'error',
      error: { kind: 'rate_limit', status: 429 }, stats: { ttftMs: 300, tokensPerSec: 12.5, usage: { outputTokens: 1 } },
    });
  });
});
