// The normalized event stream every provider adapter yields. Everything above the adapters
// (stream sessions, the port protocol, the renderer) speaks only this, never a wire format.
import type { RetryNotice } from './retry';

export type FinishReason =
  | 'stop' // the model finished on its own
  | 'length' // hit max output tokens
  | 'content_filter'
  | 'tool_calls'
  | 'refusal'
  | 'other';

/**
 * Token counts with one meaning whatever the provider (see providers/usage-normalize.ts): the
 * five kinds never overlap, so their sum is everything billed and each is priced on its own.
 */
export interface Usage {
  /** Input not served from or written to the prompt cache. */
  inputTokens?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  /** Visible output, reasoning excluded. */
  outputTokens?: number;
  reasoningTokens?: number;
}

export type ProviderEvent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; reason: FinishReason; raw?: string }
  /** The request failed in a way worth retrying; the adapter waits `notice.waitMs`, then tries again. */
  | { type: 'retry'; notice: RetryNotice }
  | ToolCallEvent;

/**
 * A tool call as the model writes it: `start` once its id and name are known, the argument text
 * in `delta`s, then `end`. A call is final only on its explicit end (Anthropic
 * `content_block_stop`; OpenAI the next call, `finish_reason`, or the end of the stream), never
 * because the text so far happens to parse. `complete: false` means the reply stopped inside the
 * arguments (max tokens, a cut stream): such a call is shown, never run.
 */
export type ToolCallEvent =
  /** `providerRun`: a tool the provider runs itself (Anthropic server tools, its MCP connector). */
  | { type: 'tool-call-start'; callId: string; name: string; providerRun?: boolean }
  | { type: 'tool-call-delta'; callId: string; text: string }
  | { type: 'tool-call-end'; callId: string; complete: boolean };

/**
 * What went wrong, in a form the UI can explain in plain words. `message` is already written
 * for a person and never contains a key; `detail` is the provider's own text, when it had one.
 */
export type ErrorKind =
  | 'auth' // 401: key rejected
  | 'permission' // 403
  | 'rate_limit' // 429
  | 'bad_request' // 400/404/422: model id, unsupported parameter…
  | 'server' // 5xx, overloaded, HTML error pages
  | 'unreachable' // could not connect / DNS / refused / bad base URL
  | 'connection_lost' // the connection dropped mid-reply
  | 'provider_error' // an error reported inside a 200 stream
  | 'interrupted' // the stream ended without a finish marker
  | 'stalled' // idle-stream watchdog fired
  | 'config' // Plume-side: no such provider, no key, invalid settings
  | 'storage' // Plume could not save the reply (disk full…); the text is still in the window
  | 'too_long' // the reply passed the size cap in Settings
  | 'unknown';

export interface PlumeError {
  kind: ErrorKind;
  message: string;
  status?: number;
  retryAfterSec?: number;
  detail?: string;
}
