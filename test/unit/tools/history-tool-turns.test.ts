// An earlier reply's stored calls rebuilt into model steps: calls written at one place form one
// step, later text starts the next, and every call without a result still answers with why.
import { describe, expect, it } from 'vitest';
import type { StoredToolCall } from '../../../src/shared/tool-calls';
import { toolHistory } from '../../../src/main/services/history-tool-turns';
import { MAX_RESULT_CHARS, openaiToolTurnMessages } from '../../../src/main/providers/tool-turns';

const call = (callId: string, at: number, more: Partial<StoredToolCall> = {}): StoredToolCall => ({ callId, name: 'echo', argsText: '{"m":1}', at, complete: true, ...more });
const ok = (text: string) => ({ isError: false, parts: [{ type: 'text' as const, text }] });

describe('tool history', () => {
  it('splits the text at each step: text before a group of calls goes with it, the rest is the answer', () => {
    const text = 'First. Then. Done.';
    const history = toolHistory(text, [call('a', 7, { phase: 'done', result: ok('1') }), call('b', 7, { phase: 'done', result: ok('2') }), call('c', 13, { phase: 'done', result: ok('3') })]);
    expect(history.rest).toBe('Done.');
    expect(history.turns.map((t) => [t.text, t.calls.map((c) => c.callId)])).toEqual([
      ['First. ', ['a', 'b']],
      ['Then. ', ['c']],
    ]);
  });

  it('answers calls without a result with a tool error that says why; the provider’s own calls stay out', () => {
    const history = toolHistory('', [
      call('denied', 0, { phase: 'skipped', reason: 'The user denied this call: no' }),
      call('asking', 0, { phase: 'asking' }),
      call('running', 0, { phase: 'running' }),
      call('cut', 0, { complete: false, argsText: '{"m": "hal' }),
      call('never', 0),
      call('search', 0, { providerRun: true }),
    ]);
    const results = history.turns.flatMap((t) => t.calls).map((c) => [c.callId, c.result.isError, (c.result.parts[0] as { text: string }).text]);
    expect(results).toEqual([
      ['denied', true, 'The user denied this call: no'],
      ['asking', true, expect.stringContaining('waited for the user’s approval')],
      ['running', true, expect.stringContaining('was running')],
      ['cut', true, expect.stringContaining('cut off inside this call’s arguments')],
      ['never', true, expect.stringContaining('did not run')],
    ]);
  });

  it('a stored result goes back capped like a live one, and cut-off arguments go as {}', () => {
    const huge = 'x'.repeat(MAX_RESULT_CHARS + 50);
    const { turns } = toolHistory('', [call('big', 0, { phase: 'done', result: ok(huge), argsText: '{"m": "hal' })]);
    const [assistant, tool] = openaiToolTurnMessages(turns);
    expect(assistant).toMatchObject({ tool_calls: [{ function: { arguments: '{}' } }] });
    expect((tool as { content: string }).content).toMatch(/^x{100000}\n\[Plume cut this tool result: 50 more characters were not sent\.\]$/);
  });

  it('calls the provider or another app ran (imports) go back as tool output inside the assistant text', () => {
    const history = toolHistory('Computing. Done: 55.', [call('cell', 11, { providerRun: true, name: 'python', argsText: '{"code":"sum(xs)"}', phase: 'done', result: ok('55') })]);
    expect(history.turns).toEqual([]);
    expect(history.rest).toBe('Computing. \n\n[Tool call python {"code":"sum(xs)"} → result:\n55\n(end of tool output)]\n\nDone: 55.');
  });
});
