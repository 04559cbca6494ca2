// Conversation-level types shared by main and renderer.
import type { AttachmentUpload, MessageAttachment } from './attachments';
import type { FinishReason, PlumeError, Usage } from './provider-events';
import type { AnthropicEffort } from './anthropic-models';
import type { ToolTurn } from './tool-calls';

export type Role = 'user' | 'assistant' | 'system';

export interface ChatMessage {
  role: Role;
  content: string;
  /** Files sent with a user message, in the order they were attached. */
  attachments?: MessageAttachment[];
  /** An assistant message's steps that ended in tool calls, with their results; `content` is the text after them. */
  toolTurns?: ToolTurn[];
}

export interface GenerationOptions {
  temperature?: number;
  maxOutputTokens?: number;
  /** OpenAI-style reasoning effort, for models that take it. */
  reasoningEffort?: 'low' | 'medium' | 'high';
  /** Anthropic extended-thinking budget in tokens, for models that take it. */
  thinkingBudget?: number;
  /** Anthropic adaptive thinking: Claude decides how much to think (wins over a budget). */
  adaptiveThinking?: boolean;
  /** Anthropic `output_config.effort`, for models that take it. */
  effort?: AnthropicEffort;
}

/** What a reply answers: a new message, an edited one (a sibling branch), or a new attempt. */
export type ReplyAction =
  | { kind: 'send'; text: string; attachments?: AttachmentUpload[] }
  /** An edit keeps the edited message's attachments; `attachments` adds more. */
  | { kind: 'edit'; messageId: string; text: string; attachments?: AttachmentUpload[] }
  | { kind: 'regenerate'; messageId: string };

/** Opens a reply stream. Main reads the history from the conversation store, never from the page. */
export interface StreamRequest {
  conversationId: string;
  providerId: string;
  model: string;
  system?: string;
  options?: GenerationOptions;
  action: ReplyAction;
  /**
   * MCP servers switched off for this conversation, as the composer shows them. Sent with each
   * reply because a new chat has no id to store the choice under until its first message.
   */
  toolServersOff?: string[];
}

/** The first message on a reply's port: where the new rows live in the conversation tree. */
export interface ReplyPlacement {
  conversationId: string;
  /** The user message answered (new for send/edit, existing for regenerate). */
  userMessageId: string;
  assistantMessageId: string;
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

/** One reply per conversation: both the window and main refuse a second with these words. */
export const CONVERSATION_BUSY = 'This conversation is still answering. Wait for the reply to finish, or stop it.';
