// Reads what a failure says, whichever SDK (or fetch itself) produced it, into one flat record,
// so the classifier decides on facts instead of on two SDKs' class trees.
import * as AnthropicSDK from '@anthropic-ai/sdk';
import * as OpenAISDK from 'openai';

export interface ErrorFacts {
  /** HTTP status; undefined for transport failures and for errors reported inside a stream. */
  status?: number;
  /** The provider's own explanation, when it sent a readable one (never an HTML page). */
  providerMessage?: string;
  /** Provider error type or code (`invalid_api_key`, `overloaded_error`, `429`…). */
  providerCode?: string;
  retryAfterSec?: number;
  /** The SDK produced it from an HTTP response or an SSE error frame. */
  fromProvider: boolean;
  /** Could not get a response at all (refused, DNS, TLS…). */
  connectionFailed: boolean;
  /** No response headers within the SDK timeout. */
  timedOut: boolean;
  /** System error code deep in the cause chain: ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET… */
  causeCode?: string;
  /** Not an SDK error at all: a plain exception from reading the body or our own code. */
  raw?: Error;
}

export function readErrorFacts(error: unknown): ErrorFacts {
  if (error instanceof OpenAISDK.APIConnectionError || error instanceof AnthropicSDK.APIConnectionError) {
    return {
      fromProvider: false,
      connectionFailed: true,
      timedOut: error instanceof OpenAISDK.APIConnectionTimeoutError || error instanceof AnthropicSDK.APIConnectionTimeoutError,
      ...optional('causeCode', findCauseCode(error)),
    };
  }
  if (error instanceof OpenAISDK.APIError) {
    // Compatible servers (Ollama…) send `{"error": "text"}` rather than `{"error": {message}}`.
    const inner = error.error as { message?: unknown } | string | undefined;
    const message = typeof inner === 'string' ? inner : (inner?.message ?? bodyText(error));
    return withHttpFacts(error.status, error.headers, {
      fromProvider: true,
      connectionFailed: false,
      timedOut: false,
      ...optional('providerMessage', readableMessage(message)),
      ...optional('providerCode', stringOf(error.code ?? error.type)),
    });
  }
  if (error instanceof AnthropicSDK.APIError) {
    return withHttpFacts(error.status, error.headers, {
      fromProvider: true,
      connectionFailed: false,
      timedOut: false,
      ...optional('providerMessage', readableMessage(error.apiMessage ?? bodyText(error))),
      ...optional('providerCode', stringOf(error.type)),
    });
  }
  return {
    fromProvider: false,
    connectionFailed: false,
    timedOut: false,
    ...optional('causeCode', findCauseCode(error)),
    ...(error instanceof Error ? { raw: error } : { raw: new Error(String(error)) }),
  };
}

function withHttpFacts(status: number | undefined, headers: Headers | undefined, facts: ErrorFacts): ErrorFacts {
  return {
    ...facts,
    ...optional('status', status),
    ...optional('retryAfterSec', headers ? retryAfterSeconds(headers) : undefined),
  };
}

/** `retry-after-ms` (OpenAI's) wins over `retry-after`, which may be seconds or an HTTP date. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000);
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * When the body was not JSON the SDKs keep the raw text as the message. Text that looks like
 * markup (an HTML error page from a proxy) or is very long is not worth showing anyone.
 */
function readableMessage(value: unknown): string | undefined {
  const text = stringOf(value)?.trim();
  if (!text || text.length > 500 || /<\s*(!doctype|html|head|body|center|h1)\b/i.test(text)) return undefined;
  return text;
}

/** The SDKs put a non-JSON body into the message after the status: "502 <html>…". */
function bodyText(error: Error & { status?: number | undefined }): string | undefined {
  const prefix = error.status !== undefined ? `${error.status} ` : '';
  const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  // The SDKs' own placeholders when there was nothing to read.
  return /^\(?no status code or body\)?$|^status code \(no body\)$/.test(text) ? undefined : text;
}

function findCauseCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Spreads `{key: value}` only when the value exists (exactOptionalPropertyTypes-friendly). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
