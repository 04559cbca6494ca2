// Tool calls share the reply port with the text: same credit, same coalescing, nothing lost or
// reordered, and each call keeps its place in the text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplyOutcome } from '../../../src/shared/chat';
import { isReplyMessage, type ToolTraffic } from '../../../src/shared/port/messages';
import { ReplySender } from '../../../src/shared/port/reply-sender';
import { nodePortPair } from '../../support/node-ports';
import { TestConsumer } from '../../support/reply-consumer';

const done: ReplyOutcome = { state: 'complete', finish: 'tool_calls', stats: { usage: {}, estimated: true } };
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(window: number) {
  const pair = nodePortPair();
  cleanups.push(() => pair.raw.port1.close());
  const sender = new ReplySender(pair.main, { onStop: vi.fn(), onGone: vi.fn() }, window);
  const consumer = new TestConsumer(pair.renderer, { autoGrant: false, window });
  return { sender, consumer };
}

describe('tool traffic on the reply port', () => {
  it('stays within credit, coalesces argument pieces, and keeps calls in order and in place', async () => {
    const { sender, consumer } = setup(2);
    await vi.waitFor(() => expect(sender.counters.creditsGranted).toBe(2), { interval: 1 });
    sender.pushText('Let me look. ');
    sender.pushTool({ k: 'call', callId: 'a', name: 'read_file' });
    const args = '{"path": "/tmp/notes.md", "lines": [1, 2, 3]}';
    for (const ch of args) sender.pushTool({ k: 'args', callId: 'a', text: ch });
    sender.pushTool({ k: 'end', callId: 'a', complete: true });
    sender.pushTool({ k: 'call', callId: 'b', name: 'list_dir' });
    sender.pushTool({ k: 'args', callId: 'b', text: '{"path": "/"}' });
    sender.pushTool({ k: 'end', callId: 'b', complete: true });
    sender.end(done);
    // Two messages went out on the two credits; everything else waited and coalesced.
    expect(sender.counters.messages).toBe(2);
    await consumer.until(() => consumer.messages.length === 2);
    consumer.grant();
    await consumer.until(() => consumer.ended !== undefined);

    const traffic = consumer.messages.flatMap((m) => m.tools ?? []);
    expect(consumer.messages.length).toBeLessThanOrEqual(4);
    expect(traffic.filter((t) => t.k === 'args').length).toBeLessThanOrEqual(3); // not one per character
    const calls = assemble(traffic);
    expect(calls).toEqual([
      { callId: 'a', name: 'read_file', at: 'Let me look. '.length, args, complete: true },
      { callId: 'b', name: 'list_dir', at: 'Let me look. '.length, args: '{"path": "/"}', complete: true },
    ]);
    expect(consumer.text).toBe('Let me look. ');
  });

  it('the window rejects malformed tool traffic like any other malformed message', () => {
    const base = { t: 'delta', seq: 1, text: '', reasoning: '' };
    expect(isReplyMessage({ ...base, tools: [{ k: 'call', callId: 'a', name: 'x', at: 0 }] })).toBe(true);
    expect(isReplyMessage({ ...base, tools: [{ k: 'call', callId: 'a', name: 'x' }] })).toBe(false);
    expect(isReplyMessage({ ...base, tools: [{ k: 'args', callId: 'a', text: 5 }] })).toBe(false);
    expect(isReplyMessage({ ...base, tools: [{ k: 'run', callId: 'a' }] })).toBe(false);
    expect(isReplyMessage({ ...base, tools: 'x' })).toBe(false);
  });
});

function assemble(traffic: ToolTraffic[]) {
  const calls: Array<{ callId: string; name: string; at: number; args: string; complete?: boolean }> = [];
  for (const t of traffic) {
    if (t.k === 'notice') continue;
    const call = calls.find((c) => c.callId === t.callId);
    if (t.k === 'call') calls.push({ callId: t.callId, name: t.name, at: t.at, args: '' });
    else if (t.k === 'args' && call) call.args += t.text;
    else if (t.k === 'end' && call) call.complete = t.complete;
  }
  return calls;
}
