// Anthropic Messages wire format: every frame carries both `event: <name>` and
// `data: {"type": "<name>", …}` (the SDK drops frames without the event line), in the order
// message_start → content_block_* → message_delta → message_stop, with pings anywhere.
import { jsonReply, paced, send, splitIntoTokens, streamReply, type HttpReply, type Step, type StreamReply } from './steps';

export const FAKE_ANTHROPIC_MODEL = 'fake-claude';

/** One SSE frame; `data.type` always repeats the event name, as the real API does. */
export const frame = (event: string, data: Record<string, unknown>): Step =>
  send(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);

export function messageStart(inputTokens = 12, model = FAKE_ANTHROPIC_MODEL): Step {
  return frame('message_start', {
    message: {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: 1 },
    },
  });
}

export const ping = (): Step => frame('ping', {});

export const textBlockStart = (index: number): Step =>
  frame('content_block_start', { index, content_block: { type: 'text', text: '' } });
export const thinkingBlockStart = (index: number): Step =>
  frame('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
export const toolUseBlockStart = (index: number, name: string): Step =>
  frame('content_block_start', { index, content_block: { type: 'tool_use', id: 'toolu_fake', name, input: {} } });

export const textDelta = (index: number, text: string): Step =>
  frame('content_block_delta', { index, delta: { type: 'text_delta', text } });
export const thinkingDelta = (index: number, thinking: string): Step =>
  frame('content_block_delta', { index, delta: { type: 'thinking_delta', thinking } });
export const signatureDelta = (index: number, signature: string): Step =>
  frame('content_block_delta', { index, delta: { type: 'signature_delta', signature } });
export const inputJsonDelta = (index: number, partialJson: string): Step =>
  frame('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: partialJson } });

export const blockStop = (index: number): Step => frame('content_block_stop', { index });

/** `output_tokens` is cumulative for the whole message, as in the real API. */
export const messageDelta = (stopReason: string | null, outputTokens: number): Step =>
  frame('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } });

export const messageStop = (): Step => frame('message_stop', {});

/** A failure reported inside the 200 stream, e.g. `overloaded_error`. */
export const errorEvent = (type = 'overloaded_error', message = 'Overloaded'): Step =>
  frame('error', { error: { type, message } });

export interface TextStreamOptions {
  tokens?: number;
  everyMs?: number;
  stopReason?: string;
  inputTokens?: number;
  /** When set, a thinking block with this text comes before the answer. */
  thinking?: string;
}

/** A complete, well-formed streamed reply of `text`. */
export function textStream(text: string, options: TextStreamOptions = {}): StreamReply {
  const tokens = splitIntoTokens(text, options.tokens ?? Math.max(1, text.split(' ').length));
  const thinkingSteps = options.thinking
    ? [thinkingBlockStart(0), thinkingDelta(0, options.thinking), signatureDelta(0, 'sig-fake'), blockStop(0)]
    : [];
  const textIndex = options.thinking ? 1 : 0;
  return streamReply([
    messageStart(options.inputTokens ?? 12),
    ping(),
    ...thinkingSteps,
    textBlockStart(textIndex),
    ...paced(tokens.map((token) => [textDelta(textIndex, token)]), options.everyMs ?? 0),
    blockStop(textIndex),
    messageDelta(options.stopReason ?? 'end_turn', tokens.length),
    messageStop(),
  ]);
}

const DEFAULT_ERRORS: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request.' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'model: nope' },
  429: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit.' },
  500: { type: 'api_error', message: 'Internal server error' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

export interface HttpErrorOptions {
  message?: string;
  type?: string;
  retryAfterSec?: number;
}

/** An HTTP error with Anthropic's body: `{"type":"error","error":{type,message},"request_id"}`. */
export function httpError(status: number, options: HttpErrorOptions = {}): HttpReply {
  const fallback = DEFAULT_ERRORS[status] ?? { type: 'api_error', message: `Error ${status}.` };
  const headers: Record<string, string> = { 'request-id': 'req_fake' };
  if (options.retryAfterSec !== undefined) headers['retry-after'] = String(options.retryAfterSec);
  if (status === 529) headers['x-should-retry'] = 'true';
  const error = { type: options.type ?? fallback.type, message: options.message ?? fallback.message };
  return jsonReply(status, { type: 'error', error, request_id: 'req_fake' }, headers);
}

export function modelsBody(ids: string[]): unknown {
  const data = ids.map((id) => ({ type: 'model', id, display_name: id, created_at: '2026-01-01T00:00:00Z' }));
  return { data, has_more: false, first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null };
}
