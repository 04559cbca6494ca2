// Tool turns from other apps' exports as Plume keeps them: calls the other app ran itself, with
// their arguments and results as data. They are marked as run by the provider, so Plume never
// runs them (nor offers to); they are there to be read, searched and exported.
import type { StoredToolCall, ToolResult, ToolResultPart } from '../../../shared/tool-calls';
import type { Json } from './read.ts';

export interface ForeignCall {
  callId: string;
  name: string;
  /** Arguments as the other app gave them; text that is not JSON is kept under `input`. */
  args: Json | string;
  result?: ToolResult;
  /** Where in the message's text the call was made. */
  at: number;
}

export function storedCall(call: ForeignCall, app: string): StoredToolCall {
  const stored: StoredToolCall = {
    callId: call.callId,
    name: call.name.trim() || 'tool',
    argsText: argsText(call.args),
    at: call.at,
    complete: true,
    providerRun: true,
    server: app,
  };
  if (call.result) {
    stored.phase = 'done';
    stored.result = call.result;
  }
  return stored;
}

function argsText(args: Json | string): string {
  if (typeof args === 'string') {
    try {
      const parsed: unknown = JSON.parse(args);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return args;
    } catch {
      // code or plain text: kept whole below
    }
    return JSON.stringify({ input: args });
  }
  return JSON.stringify(args && typeof args === 'object' && !Array.isArray(args) ? args : { input: args });
}

/** Text parts stay text; anything else is kept as JSON data. */
export function resultParts(content: Json | undefined): ToolResultPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [{ type: 'json', value: content }];
  return content.flatMap((part): ToolResultPart[] => {
    if (typeof part === 'string') return [{ type: 'text', text: part }];
    if (part && typeof part === 'object' && !Array.isArray(part) && part.type === 'text' && typeof part.text === 'string') return [{ type: 'text', text: part.text }];
    return part === null ? [] : [{ type: 'json', value: part }];
  });
}
