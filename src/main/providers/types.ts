// The one small interface behind which every provider sits.
import type { ChatMessage, GenerationOptions } from '../../shared/chat';
import type { ProviderEvent } from '../../shared/provider-events';
import type { ToolSpec, ToolTurn } from '../../shared/tool-calls';

/** Which wire protocol a provider speaks; every OpenAI-compatible server is `openai`. */
export type AdapterKind = 'openai' | 'anthropic';

export interface ProviderCallConfig {
  baseURL: string;
  apiKey?: string;
  /** Extra headers for custom OpenAI-compatible endpoints. */
  headers?: Record<string, string>;
  /** SDK retries; they only ever happen before the first byte of a stream. */
  maxRetries?: number;
  /** Wait for response headers, ms. */
  timeoutMs?: number;
  /** OpenAI-compatible only: read `<think>…</think>` at the start of a reply as reasoning (default on). */
  thinkTags?: boolean;
}

export interface ProviderCall {
  model: string;
  system?: string;
  messages: ChatMessage[];
  options?: GenerationOptions;
  /** Tools the model may call. */
  tools?: ToolSpec[];
  /** This reply's earlier steps that ended in tool calls, with their results, after `messages`. */
  toolTurns?: ToolTurn[];
}

export interface StreamHooks {
  signal: AbortSignal;
  /** Called whenever response bytes arrive, comments and pings included (feeds the idle watchdog). */
  onBytes?: () => void;
}

export interface ProviderAdapter {
  /**
   * Yields normalized events. Throws a `ProviderFailure` (see errors.ts) for anything that went
   * wrong; returns without a `finish` event when the stream ended early (the caller decides that
   * this is an interrupted reply).
   */
  stream(call: ProviderCall, hooks: StreamHooks): AsyncIterable<ProviderEvent>;
}
