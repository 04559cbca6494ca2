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
  });
});
