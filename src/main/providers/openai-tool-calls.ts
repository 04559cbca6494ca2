// Assembles Chat Completions `delta.tool_calls` fragments into tool-call events. The shape
// varies the most between servers: OpenAI sends id and name once and then argument pieces under
// the same `index`; Ollama and Mistral send each call whole in one fragment; LM Studio repeats
// the call with an empty name on every continuation; some servers leave `index` out, or put
// every parallel call at index 0 with its own id. A call ends when the next one starts, when
// `finish_reason` arrives, or when the stream ends; never because its arguments parse.
import type { ProviderEvent } from '../../shared/provider-events';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

interface OpenCall {
  index: number | undefined;
  id: string | undefined;
  callId: string | undefined; // set once the start event went out
  /** Argument text that arrived before the name (sent right after the start). */
  early: string;
}

export class OpenAIToolCallAssembler {
  private open: OpenCall | undefined;
  private count = 0;

  *read(fragments: unknown): Generator<ProviderEvent> {
    if (!Array.isArray(fragments)) return;
    for (const fragment of fragments) {
      if (!isObject(fragment)) continue;
      const fn = isObject(fragment['function']) ? fragment['function'] : {};
      const index = typeof fragment['index'] === 'number' ? fragment['index'] : undefined;
      const id = nonEmpty(fragment['id']);
      if (this.startsNewCall(index, id)) {
        yield* this.close(true);
        this.open = { index, id, callId: undefined, early: '' };
      }
      const call = this.open as OpenCall;
      call.id ??= id;
      const name = nonEmpty(fn['name']);
      if (call.callId === undefined && name !== undefined) yield* this.start(call, name);
      const args = argumentText(fn['arguments']);
      if (args === '') continue;
      if (call.callId === undefined) call.early += args;
      else yield { type: 'tool-call-delta', callId: call.callId, text: args };
    }
  }

  /**
   * Ends the open call. `complete` is false when the reply stopped inside it (finish_reason
   * `length`, or a stream that ended without any finish_reason): the call is shown, never run.
   */
  *close(complete: boolean): Generator<ProviderEvent> {
    const call = this.open;
    this.open = undefined;
    if (!call) return;
    if (call.callId === undefined) {
      if (call.early === '') return; // a fragment with neither name nor arguments: nothing to show
      yield* this.start(call, '');
      complete = false; // a call without a name cannot be run
    }
    yield { type: 'tool-call-end', callId: call.callId as string, complete };
  }

  private startsNewCall(index: number | undefined, id: string | undefined): boolean {
    const open = this.open;
    if (!open) return true;
    if (index !== undefined && open.index !== undefined && index !== open.index) return true;
    return id !== undefined && open.id !== undefined && id !== open.id;
  }

  private *start(call: OpenCall, name: string): Generator<ProviderEvent> {
    this.count++;
    call.callId = call.id ?? `call_${this.count}`;
    yield { type: 'tool-call-start', callId: call.callId, name };
    if (call.early !== '') yield { type: 'tool-call-delta', callId: call.callId, text: call.early };
    call.early = '';
  }
}

/** Arguments are text on the wire; a few servers send the parsed object instead. */
function argumentText(value: unknown): string {
  if (typeof value === 'string') return value;
  return isObject(value) ? JSON.stringify(value) : '';
}
