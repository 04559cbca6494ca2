// OpenAI Chat Completions wire format: `data: {json}\n\n` frames, no `event:` line, ended by
// `data: [DONE]`. Also the error and model-list bodies of OpenAI and the compatible servers.
import { jsonReply, paced, send, splitIntoTokens, streamReply, type HttpReply, type Step, type StreamReply } from './steps';

export const FAKE_OPENAI_MODEL = 'fake-gpt';
const CREATED = 1_767_225_600;

export interface ChunkOptions {
  finishReason?: string | null;
  model?: string;
  /** Fields merged into the chunk's top level (`usage`, `x_groq`, `system_fingerprint`…). */
  extra?: Record<string, unknown>;
}

/** Any JSON payload as one SSE data frame. */
export const dataFrame = (payload: unknown): Step => send(`data: ${JSON.stringify(payload)}\n\n`);

/** One `chat.completion.chunk` with a single choice carrying `delta`. */
export function chunk(delta: Record<string, unknown>, options: ChunkOptions = {}): Step {
  return dataFrame({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: CREATED,
    model: options.model ?? FAKE_OPENAI_MODEL,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: options.finishReason ?? null }],
    ...options.extra,
  });
}

export const roleChunk = (): Step => chunk({ role: 'assistant', content: '' });
export const textChunk = (content: string): Step => chunk({ content });
export const finishChunk = (reason = 'stop'): Step => chunk({}, { finishReason: reason });

export interface UsageCounts {
  prompt: number;
  completion: number;
  reasoning?: number;
}

export function usageBody(counts: UsageCounts): Record<string, unknown> {
  return {
    prompt_tokens: counts.prompt,
    completion_tokens: counts.completion,
    total_tokens: counts.prompt + counts.completion,
    ...(counts.reasoning !== undefined
      ? { completion_tokens_details: { reasoning_tokens: counts.reasoning } }
      : {}),
  };
}

/** The extra chunk `stream_options.include_usage` asks for: no choices, only totals. */
export function usageChunk(counts: UsageCounts, choices: [] | null = []): Step {
  return dataFrame({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: CREATED,
    model: FAKE_OPENAI_MODEL,
    choices,
    usage: usageBody(counts),
  });
}

export const done = (): Step => send('data: [DONE]\n\n');

/** An error reported inside a 200 stream, the way llama.cpp and OpenRouter do it. */
export const errorFrame = (message: string, code: string | number = 'server_error'): Step =>
  dataFrame({ error: { message, type: 'server_error', code } });

export interface TextStreamOptions {
  tokens?: number;
  everyMs?: number;
  finishReason?: string;
  /** `false` leaves the usage chunk out, as old Ollama versions do. */
  usage?: UsageCounts | false;
}

/** A complete, well-formed streamed reply of `text`. */
export function textStream(text: string, options: TextStreamOptions = {}): StreamReply {
  const tokens = splitIntoTokens(text, options.tokens ?? Math.max(1, text.split(' ').length));
  const usage = options.usage ?? { prompt: 12, completion: tokens.length };
  return streamReply([
    roleChunk(),
    ...paced(tokens.map((token) => [textChunk(token)]), options.everyMs ?? 0),
    finishChunk(options.finishReason ?? 'stop'),
    ...(usage ? [usageChunk(usage)] : []),
    done(),
  ]);
}

const DEFAULT_ERRORS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  401: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { message: 'You are not allowed to use this model.', type: 'invalid_request_error', code: 'model_not_allowed' },
  404: { message: 'The model `nope` does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' },
  429: { message: 'Rate limit reached for requests.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request.', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded.', type: 'server_error', code: null },
};

export interface HttpErrorOptions {
  message?: string;
  code?: string | null;
  retryAfterSec?: number;
  retryAfterMs?: number;
}

/** An HTTP error with OpenAI's body: `{"error": {message, type, param, code}}`. */
export function httpError(status: number, options: HttpErrorOptions = {}): HttpReply {
  const fallback = DEFAULT_ERRORS[status] ?? { message: `Error ${status}.`, type: 'server_error', code: null };
  const headers: Record<string, string> = {};
  if (options.retryAfterSec !== undefined) headers['retry-after'] = String(options.retryAfterSec);
  if (options.retryAfterMs !== undefined) headers['retry-after-ms'] = String(options.retryAfterMs);
  const error = {
    message: options.message ?? fallback.message,
    type: fallback.type,
    param: null,
    code: options.code === undefined ? fallback.code : options.code,
  };
  return jsonReply(status, { error }, headers);
}

export function modelsBody(ids: string[]): unknown {
  return {
    object: 'list',
    data: ids.map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'fake' })),
  };
}
