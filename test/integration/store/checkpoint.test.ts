// Streaming writes: throttled to one per interval, a quiet stream still reaches disk, and a
// reply left 'streaming' by a dead process reopens as interrupted with its text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/main/store/store.ts';
import { tempStore } from '../../support/store/temp-store.ts';

let t: ReturnType<typeof tempStore>;
afterEach(() => {
  vi.useRealTimers();
  t.done();
});

function started() {
  const c = t.store.conversations.create();
  t.store.messages.appendUser(c.id, 'go');
  return c;
}

describe('ReplyCheckpointer', () => {
  it('writes at most once per 500 ms however fast tokens arrive', () => {
    let clock = 0;
    t = tempStore();
    const c = started();
    const cp = t.store.messages.beginAssistant(c.id, { providerId: 'p', model: 'm', checkpoint: { now: () => clock } });
    let text = '';
    // 10 s of tokens every 5 ms.
    for (let i = 0; i < 2000; i++) {
      clock += 5;
      text += `t${i} `;
      cp.update(text);
    }
    expect(cp.writes).toBe(20);
    // What is on disk lags the stream by less than one interval.
    const onDisk = t.store.messages.get(cp.messageId)!.text;
    expect(text.startsWith(onDisk)).toBe(true);
    expect(text.slice(onDisk.length).trim().split(' ').length).toBeLessThan(100);
    cp.finish({ state: 'stopped', stats: { usage: {}, estimated: true } });
    expect(cp.writes).toBe(21);
    expect(t.store.messages.get(cp.messageId)).toMatchObject({ text, state: 'stopped' });
    // Late deltas after the end are ignored rather than reopening the reply.
    cp.update(`${text} late`);
    expect(t.store.messages.get(cp.messageId)?.text).toBe(text);
  });

  it('writes the tail of a burst once the stream goes quiet', async () => {
    vi.useFakeTimers({ now: 0 });
    t = tempStore();
    const c = started();
    const cp = t.store.messages.beginAssistant(c.id, { providerId: 'p', model: 'm' });
    vi.advanceTimersByTime(600);
    cp.update('first words');
    expect(t.store.messages.get(cp.messageId)?.text).toBe('first words');
    cp.update('first words and then a stall');
    expect(t.store.messages.get(cp.messageId)?.text).toBe('first words');
    await vi.advanceTimersByTimeAsync(499);
    expect(t.store.messages.get(cp.messageId)?.text).toBe('first words');
    await vi.advanceTimersByTimeAsync(1);
    expect(t.store.messages.get(cp.messageId)?.text).toBe('first words and then a stall');
    expect(cp.writes).toBe(2);
  });

  it('a reply still streaming when the process died reopens as interrupted with its text', () => {
    t = tempStore();
    const c = started();
    const cp = t.store.messages.beginAssistant(c.id, { providerId: 'p', model: 'm', checkpoint: { intervalMs: 0 } });
    cp.update('half a sent', 'some thoughts');
    t.store.close(); // no finish: as if killed

    const reopened = openStore(t.dir.dbPath);
    t.store = reopened;
    expect(reopened.opened.interruptedReplies).toBe(1);
    expect(reopened.messages.activePath(c.id).at(-1)).toMatchObject({
      id: cp.messageId, text: 'half a sent', reasoning: 'some thoughts', state: 'interrupted', error: { kind: 'interrupted' },
    });
    // Indexed once it is no longer streaming, like any finished reply.
    expect(reopened.search('sent').map((h) => h.messageId)).toEqual([cp.messageId]);
    expectIndexMatchesRows();
  });

  it('a reply is found by search once finished, by its final words only, not while it streams', () => {
    const { cp } = unthrottledReply();
    cp.update('first quokkadraft');
    cp.update('second wombatdraft');
    expect(cp.writes).toBe(2);
    expect(t.store.search('wombatdraft')).toEqual([]);
    cp.finish({ state: 'stopped', stats: { usage: {}, estimated: true } }, 'final platypusword');
    expect(t.store.search('platypusword').map((h) => h.messageId)).toEqual([cp.messageId]);
    expect(t.store.search('quokkadraft')).toEqual([]);
    expect(t.store.search('wombatdraft')).toEqual([]);
    expectIndexMatchesRows();
  });

  it('a reply deleted while it streams leaves the search index sound', () => {
    const { c, cp } = unthrottledReply();
    cp.update('never finished');
    t.store.messages.deleteBranch(cp.messageId);
    expectIndexMatchesRows();
    expect(t.store.search('go').map((h) => h.conversationId)).toEqual([c.id]);
  });

  it('the start finds replies left streaming through an index, not by reading every message', () => {
    t = tempStore();
    const plan = t.store.db.prepare("EXPLAIN QUERY PLAN UPDATE messages SET state = 'interrupted' WHERE state = 'streaming'").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX messages_streaming/);
  });
});

/** A new store with a reply streaming whose every update is written. */
function unthrottledReply() {
  t = tempStore();
  const c = started();
  return { c, cp: t.store.messages.beginAssistant(c.id, { providerId: 'p', model: 'm', checkpoint: { intervalMs: 0 } }) };
}

/** FTS5 compares its index with the rows it indexes: any missing, stale or extra entry fails. */
function expectIndexMatchesRows(): void {
  expect(() => t.store.db.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
}
