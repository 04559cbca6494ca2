// The SDK client settings both adapters share. Everything is passed explicitly: left out, the
// SDKs fill in from OPENAI_* / ANTHROPIC_* environment variables and config profiles.
import { fetchReportingBytes } from './byte-reporting-fetch';
import type { ProviderCallConfig } from './types';

/** Local servers (Ollama, LM Studio, llama.cpp) take no key, but the SDKs insist on one. */
const PLACEHOLDER_KEY = 'no-key-needed';
/** Retries of a failed request before its first byte (the SDKs' default). */
export const DEFAULT_MAX_RETRIES = 2;
/** Long enough for a local server to load a model before it answers the first request. */
const DEFAULT_HEADERS_TIMEOUT_MS = 120_000;

export function commonClientOptions(config: ProviderCallConfig, onBytes?: () => void) {
  return {
    baseURL: config.baseURL,
    apiKey: config.apiKey?.trim() || PLACEHOLDER_KEY,
    defaultHeaders: config.headers,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    // Covers only the wait for response headers: once a stream runs, the SDKs have no timeout
    // and the stream session's idle watchdog takes over.
    timeout: config.timeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
    fetch: fetchReportingBytes(onBytes),
    // Failures reach the user through ProviderFailure; SDK console logging adds nothing.
    logLevel: 'off' as const,
  };
}
