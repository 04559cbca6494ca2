// The normalized event stream every provider adapter yields. Everything above the adapters
// (stream sessions, the port protocol, the renderer) speaks only this, never a wire format.

export type FinishReason =
  | 'stop' // the model finished on its own
  | 'length' // hit max output tokens
  | 'content_filter'
  | 'tool_calls'
  | 'refusal'
  | 'other';

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
}

export type ProviderEvent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; reason: FinishReason; raw?: string };

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
