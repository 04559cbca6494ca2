// Conversation-level types shared by main and renderer.
import type { FinishReason, PlumeError, Usage } from './provider-events';

export type Role = 'user' | 'assistant' | 'system';

export interface ChatMessage {
  role: Role;
  content: string;
}

export interface GenerationOptions {
  temperature?: number;
  maxOutputTokens?: number;
  /** OpenAI-style reasoning effort, for models that take it. */
  reasoningEffort?: 'low' | 'medium' | 'high';
  /** Anthropic extended-thinking budget in tokens, for models that take it. */
  thinkingBudget?: number;
}

export interface StreamRequest {
  providerId: string;
  model: string;
  system?: string;
  messages: ChatMessage[];
  options?: GenerationOptions;
}

/** How a reply ended. `error` and `interrupted` keep the partial text. */
export type ReplyState = 'streaming' | 'complete' | 'stopped' | 'error' | 'interrupted';

export interface ReplyStats {
  /** Milliseconds from sending the request to the first token (text or reasoning). */
  ttftMs?: number;
  /** Output tokens per second, measured from the first token to the end. */
  tokensPerSec?: number;
  usage: Usage;
  /** True when token counts are estimated from text length because the provider sent none. */
  estimated: boolean;
}

export interface ReplyOutcome {
  state: Exclude<ReplyState, 'streaming'>;
  finish?: FinishReason;
  error?: PlumeError;
  stats: ReplyStats;
}
