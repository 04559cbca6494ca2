import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplyOutcome } from '../../../src/shared/chat';
import { ReplySender } from '../../../src/shared/port/reply-sender';
import { nodePortPair } from '../../support/node-ports';
import { TestConsumer } from '../../support/reply-consumer';

const done: ReplyOutcome = { state: 'complete', finish: 'stop', stats: { usage: {}, estimated: true } };
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(options: { autoGrant: boolean; window?: number }) {
  const pair = nodePortPair();
  cleanups.push(() => pair.raw.port1.close());
  const events = { onStop: vi.fn(), onGone: vi.fn() };
  const sender = new ReplySender(pair.main, events, options.window);
  const consumer = new TestConsumer(pair.renderer, options);
  return { sender, consumer, events, pair };
}

/** Resolves once the renderer's opening grant has reached main. */
const granted = (sender: ReplySender, total = 1) =>
  vi.waitFor(() => expect(sender.counters.creditsGranted).toBeGreaterThanOrEqual(total), { interval: 1 });

describe('credit protocol over worker_threads ports', () => {
  it('delivers every delta in order and byte-exact, including split surrogate pairs', async () => {
    const { sender, consumer } = setup({ autoGrant: true });
    await granted(sender);
    const pieces = ['Hello', ', ', 'wörld ', '\ud83d', '\ude00', ' ✓', ...Array.from({ length: 500 }, (_, i) => `${i} `)];
    for (const piece of pieces) sender.pushText(piece);
    sender.pushReasoning('thinking…');
    sender.end(done);
    await consumer.until(() => consumer.ended !== undefined);
    expect(consumer.text).toBe(pieces.join(''));
    expect(consumer.reasoning).toBe('thinking…');
    expect(consumer.messages.map((m) => m.seq)).toEqual(consumer.messages.map((_, i) => i + 1));
    expect(consumer.ended?.outcome.state).toBe('complete');
  });

  it('sends nothing before the renderer grants credit, then at most the window', async () => {
    const { sender, consumer } = setup({ autoGrant: false, window: 4 });
    // Pushed before the opening grant has crossed the port: nothing may leave main.
    for (let i = 0; i < 10; i++) sender.pushText(`early${i} `);
    expect(sender.counters.messages).toBe(0);
    await granted(sender);
    // The grant of 4 arrived and flushed everything received so far as one message.
    await consumer.until(() => consumer.messages.length === 1);
    expect(consumer.text).toBe(Array.from({ length: 10 }, (_, i) => `early${i} `).join(''));
    for (let i = 0; i < 100; i++) sender.pushText('x');
    expect(sender.counters.messages).toBe(4);
    expect(sender.pendingChars).toBe(97);
    await consumer.until(() => consumer.messages.length === 4);
    expect(consumer.maxUnacked).toBe(4);
  });

  it('coalesces everything received while out of credit into the next message', async () => {
    const { sender, consumer } = setup({ autoGrant: false, window: 2 });
    await granted(sender);
    sender.pushText('a');
    sender.pushText('b');
    for (let i = 0; i < 1000; i++) sender.pushText('c');
    expect(sender.counters.messages).toBe(2);
    await consumer.until(() => consumer.messages.length === 2);
    expect(consumer.messages.map((m) => m.text)).toEqual(['a', 'b']);
    consumer.grant();
    await consumer.until(() => consumer.messages.length === 3);
    expect(consumer.messages[2]?.text).toBe('c'.repeat(1000));
  });

  it('never has more messages in flight than the window during a long reply', async () => {
    const { sender, consumer } = setup({ autoGrant: true, window: 3 });
    await granted(sender);
    let expected = '';
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 40; i++) {
        const piece = `r${round}t${i};`;
        expected += piece;
        sender.pushText(piece);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    sender.end(done);
    await consumer.until(() => consumer.ended !== undefined);
    expect(consumer.text).toBe(expected);
    expect(consumer.maxUnacked).toBeLessThanOrEqual(3);
    expect(consumer.messages.length).toBeLessThan(2000);
  });

  it('holds the terminal message until there is credit, and carries pending text with it', async () => {
    const { sender, consumer } = setup({ autoGrant: false, window: 1 });
    await granted(sender);
    sender.pushText('first');
    sender.pushText(' second');
    sender.end(done);
    expect(sender.counters.messages).toBe(1);
    await consumer.until(() => consumer.messages.length === 1);
    expect(consumer.ended).toBeUndefined();
    consumer.grant();
    await consumer.until(() => consumer.ended !== undefined);
    expect(consumer.text).toBe('first second');
    expect(consumer.ended?.text).toBe(' second');
  });

  it('Stop from the renderer reaches main once; the port stays open for the final message', async () => {
    const { sender, consumer, events } = setup({ autoGrant: true });
    await granted(sender);
    consumer.receiver.stop();
    await vi.waitFor(() => expect(events.onStop).toHaveBeenCalledTimes(1), { interval: 1 });
    sender.end({ ...done, state: 'stopped' });
    await consumer.until(() => consumer.ended !== undefined);
    expect(consumer.ended?.outcome.state).toBe('stopped');
    expect(events.onGone).not.toHaveBeenCalled();
  });

  it('renderer closing the port tells main the reply is gone, once, however often it is closed', async () => {
    const { sender, consumer, events, pair } = setup({ autoGrant: true });
    await granted(sender);
    consumer.receiver.close();
    consumer.receiver.close();
    pair.renderer.close();
    await vi.waitFor(() => expect(sender.isGone).toBe(true), { interval: 1 });
    expect(events.onGone).toHaveBeenCalledTimes(1);
    sender.pushText('after close');
    sender.end(done);
    sender.close();
    expect(sender.isGone).toBe(true);
  });

  it('main closing the port makes the renderer report the reply as lost', async () => {
    const { sender, consumer } = setup({ autoGrant: true });
    await granted(sender);
    sender.pushText('partial');
    await consumer.until(() => consumer.text === 'partial');
    sender.close();
    await consumer.until(() => consumer.lost);
    expect(consumer.text).toBe('partial');
  });

  it('ignores malformed control messages and caps credit at the window', async () => {
    const { sender, pair } = setup({ autoGrant: false, window: 2 });
    await granted(sender);
    pair.renderer.post({ t: 'credit', n: -5 });
    pair.renderer.post('garbage');
    pair.renderer.post({ t: 'credit', n: 1.5 });
    pair.renderer.post({ t: 'credit', n: 1_000_000 });
    await granted(sender, 2 + 1_000_000);
    for (let i = 0; i < 10; i++) sender.pushText(`${i}`);
    expect(sender.counters.messages).toBe(2);
  });

  it('moves a 10 MB reply byte-exact', async () => {
    const { sender, consumer } = setup({ autoGrant: true });
    await granted(sender);
    const alphabet = 'abcdefghijklmnopqrstuvwxyzäöü€😀\n ';
    let expected = '';
    let seed = 7;
    while (expected.length < 10 * 1024 * 1024) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const len = 1 + (seed % 12);
      let piece = '';
      for (let i = 0; i < len; i++) piece += alphabet[(seed >> i) % alphabet.length];
      expected += piece;
      sender.pushText(piece);
      if (expected.length % 65536 < 12) await new Promise((resolve) => setImmediate(resolve));
    }
    sender.end(done);
    await consumer.until(() => consumer.ended !== undefined);
    expect(consumer.text.length).toBe(expected.length);
    expect(consumer.text === expected).toBe(true);
    expect(sender.text() === expected).toBe(true);
  });
});
