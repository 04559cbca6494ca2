// An earlier reply's tool calls, as stored in the message tree, turned back into the steps the
// model took: the text it wrote before each group of calls, the calls, and what each returned.
// A call that never produced a result (denied, failed, cut off, interrupted by a quit, or never
// reached) still goes back, as a tool error saying why: the wire formats require an answer for
// every call, and the model should know the call did not do its job.
import type { StoredToolCall, ToolResult, ToolTurn } from '../../shared/tool-calls';
import { toolCallAsText } from '../providers/tool-turns';

export interface ToolHistory {
  /** Steps that ended in tool calls, in order. */
  turns: ToolTurn[];
  /** The text the model wrote after its last calls. */
  rest: string;
}

export function toolHistory(text: string, stored: readonly StoredToolCall[]): ToolHistory {
  const turns: ToolTurn[] = [];
  let from = 0;
  /** Text not yet given to a step: what the model wrote, and calls the provider ran itself. */
  let pending = '';
  // Calls that appeared at the same place in the text were written in one step; a call after
  // more text starts a new step (for both wire formats a valid, faithful split).
  for (const call of stored) {
    const at = Math.max(from, Math.min(call.at, text.length));
    pending += text.slice(from, at);
    from = at;
    if (call.providerRun) {
      // Run by the provider (or by another app, for imports): no call of ours to answer, but
      // what it returned is part of what the model knew.
      if (call.result) pending += `${pending === '' ? '' : '\n\n'}${toolCallAsText({ ...call, result: call.result })}\n\n`;
      continue;
    }
    const entry = { callId: call.callId, name: call.name, argsText: call.argsText, result: storedResult(call) };
    const last = turns.at(-1);
    if (last && pending === '') last.calls.push(entry);
    else turns.push({ text: pending, calls: [entry] });
    pending = '';
  }
  return { turns, rest: pending + text.slice(from) };
}

function storedResult(call: StoredToolCall): ToolResult {
  if (call.result) return call.result;
  return { isError: true, parts: [{ type: 'text', text: whyNoResult(call) }] };
}

function whyNoResult(call: StoredToolCall): string {
  if (call.phase === 'skipped') return call.reason ?? 'The call was not run.';
  if (call.phase === 'asking') return 'Plume stopped while this call waited for the user’s approval; it did not run.';
  if (call.phase === 'running') return 'Plume stopped while this call was running; whether it finished is unknown, and it was not run again.';
  if (!call.complete) return 'The reply was cut off inside this call’s arguments, so it did not run.';
  return 'The call did not run: the reply ended before it (stopped, failed, or reached the tool step limit).';
}
