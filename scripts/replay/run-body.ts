// Plays one served body through Plume's adapter and sums up what the user would see.
import { ProviderFailure } from '../../src/main/providers/errors';
import { createAdapter } from '../../src/main/providers/registry';
import type { AdapterKind } from '../../src/main/providers/types';
import type { PlumeError, Usage } from '../../src/shared/provider-events';

export interface Seen {
  text: string;
  reasoning: string;
  usage?: Usage;
  finish?: string;
  rawFinish?: string;
  error?: PlumeError;
  /** Tool calls in order: name, the argument text as written, and whether the provider ran it. */
  toolCalls: { name: string; arguments: string; server: boolean }[];
}

export async function runBody(kind: AdapterKind, baseURL: string): Promise<Seen> {
  const seen: Seen = { text: '', reasoning: '', toolCalls: [] };
  const calls = new Map<string, Seen['toolCalls'][number]>();
  const adapter = createAdapter(kind, { baseURL, apiKey: 'replay-key', maxRetries: 0 });
  const call = { model: 'replay-model', messages: [{ role: 'user' as const, content: 'replay' }] };
  try {
    for await (const event of adapter.stream(call, { signal: new AbortController().signal })) {
      if (event.type === 'text') seen.text += event.text;
      else if (event.type === 'reasoning') seen.reasoning += event.text;
      else if (event.type === 'usage') seen.usage = event.usage;
      else if (event.type === 'tool-call-start') {
        const call = { name: event.name, arguments: '', server: event.providerRun === true };
        calls.set(event.callId, call);
        seen.toolCalls.push(call);
      } else if (event.type === 'tool-call-delta') {
        const call = calls.get(event.callId);
        if (call) call.arguments += event.text;
      }
      else if (event.type === 'finish') {
        seen.finish = event.reason;
        if (event.raw !== undefined) seen.rawFinish = event.raw;
      }
    }
  } catch (error) {
    if (!(error instanceof ProviderFailure)) throw error;
    seen.error = error.plume;
  }
  return seen;
}
