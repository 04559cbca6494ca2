// OpenAI Chat Completions (and every server that speaks it) through the official SDK.
import OpenAI from 'openai';
import type {
  ChatCompletionContentPart,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { ChatMessage } from '../../shared/chat';
import { commonClientOptions, DEFAULT_MAX_RETRIES } from './client-options';
import { hostOf } from './host';
import { ProviderFailure } from './errors';
import { messageText } from './message-text';
import { OpenAIChunkReader } from './openai-chunks';
import { pumpSdkStream } from './sdk-stream';
import { fetchWithSseTap, type SseTapListener } from './sse-tap';
import { openaiTools, openaiToolTurnMessages, toolTurnsAsText } from './tool-turns';
import type { ProviderAdapter, ProviderCall, ProviderCallConfig, StreamHooks } from './types';

export function createOpenAIClient(config: ProviderCallConfig, onBytes?: () => void, tap?: SseTapListener): OpenAI {
  const options = commonClientOptions(config, onBytes);
  if (tap) options.fetch = fetchWithSseTap(options.fetch, tap);
  // organization/project null: an OPENAI_ORG_ID in the environment must not reach other servers.
  return new OpenAI({ ...options, organization: null, project: null });
}

export function createOpenAIChatAdapter(config: ProviderCallConfig): ProviderAdapter {
  return {
    stream(call: ProviderCall, hooks: StreamHooks) {
      const reader = new OpenAIChunkReader(hostOf(config.baseURL), { thinkTags: config.thinkTags });
      const client = createOpenAIClient(config, hooks.onBytes, reader);
      return pumpSdkStream({
        open: () => client.chat.completions.create(chatParams(call, config.baseURL), { signal: hooks.signal, maxRetries: 0 }),
        maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
        reader,
        signal: hooks.signal,
        failure: { baseURL: config.baseURL, apiKey: config.apiKey, headers: config.headers },
      });
    },
  };
}

export function chatParams(call: ProviderCall, baseURL: string): ChatCompletionCreateParamsStreaming {
  const messages: ChatCompletionMessageParam[] = [];
  if (call.system) messages.push({ role: 'system', content: call.system });
  const lastUser = call.messages.findLastIndex((m) => m.role === 'user');
  call.messages.forEach((message, i) => {
    if (message.toolTurns?.length && call.tools?.length) {
      // An earlier reply that called tools: its steps, then the text it ended with.
      messages.push(...openaiToolTurnMessages(message.toolTurns));
      if (message.content !== '') messages.push({ role: 'assistant', content: message.content });
    } else if (message.toolTurns?.length) messages.push({ role: 'assistant', content: toolTurnsAsText(message.toolTurns, message.content) });
    else messages.push(toOpenAIMessage(message, i === lastUser));
  });
  if (call.toolTurns) messages.push(...openaiToolTurnMessages(call.toolTurns));

  const params: ChatCompletionCreateParamsStreaming = {
    model: call.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
  };
  if (call.tools?.length) params.tools = openaiTools(call.tools);
  const options = call.options ?? {};
  if (options.temperature !== undefined) params.temperature = options.temperature;
  if (options.maxOutputTokens !== undefined) {
    // OpenAI's own reasoning models reject `max_tokens`, while many compatible servers only
    // know `max_tokens` and silently ignore the newer name.
    if (isOpenAIItself(baseURL)) params.max_completion_tokens = options.maxOutputTokens;
    else params.max_tokens = options.maxOutputTokens;
  }
  if (options.reasoningEffort !== undefined) params.reasoning_effort = options.reasoningEffort;
  // Gemini streams its thoughts only when asked; its compatible endpoint reads this literal
  // `extra_body` field. The thoughts arrive flagged and wrapped in <thought> (openai-chunks.ts).
  if (options.reasoningEffort !== undefined && isGemini(baseURL)) Object.assign(params, GEMINI_INCLUDE_THOUGHTS);
  return params;
}

const GEMINI_INCLUDE_THOUGHTS = { extra_body: { google: { thinking_config: { include_thoughts: true } } } };

function isOpenAIItself(baseURL: string): boolean {
  return hostOf(baseURL) === 'api.openai.com';
}

function isGemini(baseURL: string): boolean {
  return hostOf(baseURL) === 'generativelanguage.googleapis.com';
}

/**
 * Text files are inlined as fenced blocks; images become `image_url` parts with a data: URL.
 * Without images the content stays one string, which every compatible server understands.
 * A PDF in the message being answered is refused; one earlier in the conversation (sent while
 * it ran on an Anthropic model) is replaced by a note, so switching provider does not lock it.
 */
function toOpenAIMessage(message: ChatMessage, answered: boolean): ChatCompletionMessageParam {
  const files = message.attachments ?? [];
  if (message.role !== 'user' || files.length === 0) return { role: message.role, content: message.content } as ChatCompletionMessageParam;
  const pdf = files.find((f) => f.kind === 'pdf');
  if (pdf && answered) {
    throw new ProviderFailure({
      kind: 'config',
      message: `“${pdf.name}” is a PDF, and Plume sends PDFs only to Anthropic models. Remove it, or switch to an Anthropic provider.`,
    });
  }
  const pdfNotes = files.filter((f) => f.kind === 'pdf').map((f) => `[The PDF “${f.name}” was attached here; it is not sent to this provider.]`);
  const text = messageText(message.content, files, pdfNotes);
  const images = files.filter((f) => f.kind === 'image');
  if (images.length === 0) return { role: 'user', content: text };
  const parts: ChatCompletionContentPart[] = images.map((f) => ({
    type: 'image_url',
    // detail "high": the image was already fitted to the high-detail size before it was sent.
    image_url: { url: `data:${f.mimeType};base64,${f.data}`, detail: 'high' },
  }));
  if (text !== '') parts.push({ type: 'text', text });
  return { role: 'user', content: parts };
}
