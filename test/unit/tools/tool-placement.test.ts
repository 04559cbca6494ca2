import { describe, expect, it } from 'vitest';
import { placeCalls } from '../../../src/renderer/src/chat/message/tool-placement';

const call = (id: string, at: number) => ({ id, at });

describe('placing tool calls in the reply text', () => {
  it('text, a call, more text: in that order', () => {
    expect(placeCalls(30, [call('a', 12)])).toEqual([
      { kind: 'text', start: 0, end: 12 },
      { kind: 'calls', at: 12, calls: [call('a', 12)] },
      { kind: 'text', start: 12, end: 30 },
    ]);
  });

  it('parallel calls of one step stay together; a later step gets its own place', () => {
    const pieces = placeCalls(20, [call('a', 5), call('b', 5), call('c', 15)]);
    expect(pieces.map((p) => (p.kind === 'text' ? `${p.start}-${p.end}` : p.calls.map((c) => c.id).join('+')))).toEqual(['0-5', 'a+b', '5-15', 'c', '15-20']);
  });

  it('calls at the end of the text, or with no text at all, come after it', () => {
    expect(placeCalls(8, [call('a', 8)]).map((p) => p.kind)).toEqual(['text', 'calls']);
    expect(placeCalls(0, [call('a', 0)]).map((p) => p.kind)).toEqual(['calls']);
    expect(placeCalls(0, [])).toEqual([{ kind: 'text', start: 0, end: 0 }]);
  });

  it('a position past the text or out of order never cuts text twice or loses any', () => {
    const pieces = placeCalls(10, [call('a', 7), call('b', 3), call('c', 99), call('d', Number.NaN)]);
    const text = pieces.filter((p) => p.kind === 'text');
    expect(text).toEqual([{ kind: 'text', start: 0, end: 7 }, { kind: 'text', start: 7, end: 10 }]);
    expect(pieces.flatMap((p) => (p.kind === 'calls' ? p.calls.map((c) => c.id) : []))).toEqual(['a', 'b', 'c', 'd']);
  });
});
