// Anthropic Messages through the official SDK. `create({stream: true})` rather than
// `messages.stream()`: the raw event iterator reports every failure to the one loop reading it,
// while MessageStream also rejects promises nobody awaits (unhandled rejections) and throws
// its own errors on partial streams.
import Anthropic from '@anthropic-ai/sdk';
import type { ContentBlockParam, MessageCreateParamsStreaming, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { ImageMimeType } from '../../shared/attachments';
import type { ChatMessage } from '../../shared/chat';
import { AnthropicEventReader } from './anthropic-events';
import { commonClientOptions, DEFAULT_MAX_RETRIES } from './client-options';
import { messageText } from './message-text';
import { pumpSdkStream } from './sdk-stream';
import { anthropicTools, anthropicToolTurnMessages, toolTurnsAsText } from './tool-turns';
import type { ProviderAdapter, ProviderCall, ProviderCallConfig, StreamHooks } from './types';

/** Anthropic requires max_tokens; this fits a long answer without surprising bills. */
const DEFAULT_MAX_TOKENS = 8192;
/** The API rejects thinking budgets under this. */
const MIN_THINKING_BUDGET = 1024;

export function createAnthropicClient(config: ProviderCallConfig, onBytes?: () => void): Anthropic {
  // The baseURL has no /v1: the SDK appends /v1/messages itself.
  return new Anthropic(commonClientOptions(config, onBytes));
}

export function createAnthropicMessagesAdapter(config: ProviderCallConfig): ProviderAdapter {
  return {
    stream(call: ProviderCall, hooks: StreamHooks) {
      const client = createAnthropicClient(config, hooks.onBytes);
      return pumpSdkStream({
        open: () => client.messages.create(messagesParams(call), { signal: hooks.signal, maxRetries: 0 }),
        maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
        reader: new AnthropicEventReader(),
        signal: hooks.signal,
        failure: { baseURL: config.baseURL, apiKey: config.apiKey, headers: config.headers },
      });
    },
  };
}

function messagesParams(call: ProviderCall): MessageCreateParamsStreaming {
  // The Messages API takes system text as a parameter, never as a message.
  const systemParts = [call.system, ...call.messages.filter((m) => m.role === 'system').map((m) => m.content)];
  const system = systemParts.filter((part): part is string => !!part).join('\n\n');
  const turns: MessageParam[] = call.messages
    .filter((m) => m.role !== 'system')
    .flatMap((m): MessageParam[] => {
      if (!m.toolTurns?.length) return [toAnthropicMessage(m)];
      // An earlier reply that called tools: its steps, then the text it ended with.
      if (!call.tools?.length) return [{ role: 'assistant', content: toolTurnsAsText(m.toolTurns, m.content) }];
      return [...anthropicToolTurnMessages(m.toolTurns), ...(m.content !== '' ? [{ role: 'assistant' as const, content: m.content }] : [])];
    });
  if (call.toolTurns) turns.push(...anthropicToolTurnMessages(call.toolTurns));
  const messages = joinSameRole(turns);

  const options = call.options ?? {};
  let maxTokens = options.maxOutputTokens ?? DEFAULT_MAX_TOKENS;
  const params: MessageCreateParamsStreaming = { model: call.model, max_tokens: maxTokens, messages, stream: true };
  if (system) params.system = system;
  if (call.tools?.length) params.tools = anthropicTools(call.tools);

  if (options.adaptiveThinking) {
    // Claude decides when and how much to think; its thinking still counts toward max_tokens.
    params.thinking = { type: 'adaptive' };
  } else if (options.thinkingBudget !== undefined && options.thinkingBudget > 0) {
    const budget = Math.max(MIN_THINKING_BUDGET, Math.round(options.thinkingBudget));
    // The budget must be below max_tokens, or the API refuses the request.
    if (maxTokens <= budget) maxTokens = budget + MIN_THINKING_BUDGET;
    params.max_tokens = maxTokens;
    params.thinking = { type: 'enabled', budget_tokens: budget };
  }
  if (options.effort) params.output_config = { effort: options.effort };
  // `temperature` is deliberately not sent: the installed SDK (1.11) dropped it from the
  // Messages parameters as deprecated, and the API refuses it together with thinking.
  return params;
}

/**
 * Images as base64 `image` blocks and PDFs as base64 `document` blocks, placed before the text
 * (Anthropic's vision docs: Claude does best with images before the question); text files are
 * inlined as fenced blocks in the text.
 */
function toAnthropicMessage(message: ChatMessage): MessageParam {
  const role = message.role as 'user' | 'assistant';
  const files = message.attachments ?? [];
  if (role !== 'user' || files.length === 0) return { role, content: message.content };
  const blocks: ContentBlockParam[] = [];
  for (const f of files) {
    if (f.kind === 'image') {
      blocks.push({ type: 'image', source: { type: 'base64', media_type: f.mimeType as ImageMimeType, data: f.data } });
    } else if (f.kind === 'pdf') {
      blocks.push({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: f.data }, title: f.name });
    }
  }
  const text = messageText(message.content, files);
  // The API refuses empty text blocks.
  if (text !== '') blocks.push({ type: 'text', text });
  return { role, content: blocks };
}

/**
 * A reply that ended on tool results (stopped, or at the step limit) is followed by the next user
 * message: two user turns in a row, which the API is not guaranteed to accept. Their blocks are
 * joined into one turn, tool results first as the API requires.
 */
function joinSameRole(messages: MessageParam[]): MessageParam[] {
  const joined: MessageParam[] = [];
  for (const message of messages) {
    const last = joined.at(-1);
    if (last && last.role === message.role) last.content = [...blocks(last.content), ...blocks(message.content)];
    else joined.push({ ...message });
  }
  return joined;
}

function blocks(content: MessageParam['content']): ContentBlockParam[] {
  if (typeof content !== 'string') return content;
  return content === '' ? [] : [{ type: 'text', text: content }];
}
