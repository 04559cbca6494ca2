// Turns Chat Completions chunks into ProviderEvents. The chunks come from the SDK already parsed,
// but OpenAI-compatible servers bend the shape (reasoning fields, content arrays, usage in odd
// places, null choices), so every field is read defensively rather than trusted to the SDK types.
import type { FinishReason, ProviderEvent, Usage } from '../../shared/provider-events';
import { ProviderFailure } from './errors';
import { OpenAIToolCallAssembler } from './openai-tool-calls';
import type { SseTapListener } from './sse-tap';
import { ThinkTagSplitter } from './think-tags';
import { openAIUsage } from './usage-normalize';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ChunkReaderOptions {
  /** Read `<think>…</think>` at the start of the content as reasoning (the provider setting). */
  thinkTags?: boolean;
}

export class OpenAIChunkReader implements SseTapListener {
  private finishRaw: string | undefined;
  private usage: Usage | undefined;
  private done = false;
  private readonly content: ThinkTagSplitter;
  private readonly toolCalls = new OpenAIToolCallAssembler();

  constructor(
    private readonly host: string,
    options: ChunkReaderOptions = {},
  ) {
    this.content = new ThinkTagSplitter(options.thinkTags ?? true);
  }

  onDone(): void {
    this.done = true;
  }

  /** The SDK throws on this chunk; its usage (OpenRouter sends the totals there) is kept first. */
  onErrorChunk(chunk: Loose): void {
    this.usage = openAIUsage(chunk['usage']) ?? this.usage;
  }

  /** An error after the provider said why it stopped changes nothing the user needs to know. */
  finishedBeforeError(): boolean {
    return this.finishRaw !== undefined;
  }

  *read(chunk: unknown): Generator<ProviderEvent> {
    if (!isObject(chunk)) return;
    // Usage may ride on any chunk (xAI: second-to-last; vLLM: with `choices: null`; Groq: under
    // `x_groq`). Totals are cumulative, so the last one seen wins.
    const usage = openAIUsage(chunk['usage']) ?? (isObject(chunk['x_groq']) ? openAIUsage(chunk['x_groq']['usage']) : undefined);
    if (usage) this.usage = usage;

    const choices = Array.isArray(chunk['choices']) ? chunk['choices'] : [];
    // Plume asks for one choice; a missing index means the first one.
    const choice = choices.find((c): c is Loose => isObject(c) && (c['index'] ?? 0) === 0);
    if (!choice) return;
    if (isObject(choice['delta'])) {
      yield* readDelta(choice['delta'], this.content);
      yield* this.toolCalls.read(choice['delta']['tool_calls']);
    }

    const finish = choice['finish_reason'];
    if (typeof finish === 'string' && finish !== '') {
      if (finish === 'error') {
        // OpenRouter ends a failed generation this way at HTTP 200, sometimes with no error frame.
        throw new ProviderFailure({ kind: 'provider_error', message: `${this.host} stopped the reply with an error.` });
      }
      this.finishRaw = finish;
      yield* this.toolCalls.close(finish !== 'length');
    }
  }

  /**
   * Called when the stream ended without an error. A finish event only when the provider said
   * why it stopped: a body that just ends is an interrupted reply, and the caller says so.
   */
  *end(): Generator<ProviderEvent> {
    yield* this.content.end();
    // A call still open here ended with the stream: complete only if the provider said it finished
    // (a finish_reason other than `length`, or — from servers that send none — a closing [DONE]).
    yield* this.toolCalls.close(this.finishRaw !== undefined ? this.finishRaw !== 'length' : this.done);
    if (this.usage) yield { type: 'usage', usage: this.usage };
    if (this.finishRaw !== undefined) yield { type: 'finish', reason: mapFinishReason(this.finishRaw), raw: this.finishRaw };
    // Some servers never send a finish_reason but do end with [DONE]: that is a complete reply.
    else if (this.done) yield { type: 'finish', reason: 'stop' };
  }
}

function* readDelta(delta: Loose, content: ThinkTagSplitter): Generator<ProviderEvent> {
  // DeepSeek names it `reasoning_content`, Ollama and OpenRouter `reasoning`; some send both
  // with the same text, so only one is used.
  const reasoning = delta['reasoning_content'] ?? delta['reasoning'];
  if (typeof reasoning === 'string' && reasoning !== '') yield { type: 'reasoning', text: reasoning };

  const parts = delta['content'];
  if (typeof parts === 'string') yield* asThought(content.push(parts), isGeminiThought(delta));
  else if (Array.isArray(parts)) yield* readContentParts(parts);

  const refusal = delta['refusal'];
  if (typeof refusal === 'string' && refusal !== '') yield { type: 'text', text: refusal };
  // `tool_calls` fragments are assembled by OpenAIToolCallAssembler (openai-tool-calls.ts).
}

/** Gemini's compatible endpoint flags thought deltas (`extra_content.google.thought: true`). */
function isGeminiThought(delta: Loose): boolean {
  const extra = delta['extra_content'];
  return isObject(extra) && isObject(extra['google']) && extra['google']['thought'] === true;
}

function* asThought(events: Iterable<ProviderEvent>, thought: boolean): Generator<ProviderEvent> {
  for (const event of events) yield thought && event.type === 'text' ? { type: 'reasoning', text: event.text } : event;
}

/** Mistral (Magistral) streams `content` as typed parts: thinking parts and text parts. */
function* readContentParts(parts: unknown[]): Generator<ProviderEvent> {
  for (const part of parts) {
    if (!isObject(part)) continue;
    if (part['type'] === 'text' && typeof part['text'] === 'string' && part['text'] !== '') {
      yield { type: 'text', text: part['text'] };
    } else if (part['type'] === 'thinking') {
      const text = thinkingText(part['thinking']);
      if (text !== '') yield { type: 'reasoning', text };
    }
  }
}

/** A thinking part holds either a string or a list of `{type: "text", text}` parts. */
function thinkingText(thinking: unknown): string {
  if (typeof thinking === 'string') return thinking;
  if (!Array.isArray(thinking)) return '';
  return thinking.map((piece) => (isObject(piece) && typeof piece['text'] === 'string' ? piece['text'] : '')).join('');
}

function mapFinishReason(raw: string): FinishReason {
  switch (raw) {
    case 'stop':
    case 'end_turn': // some compatible servers pass Anthropic-style reasons through
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content_filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    default:
      return 'other';
  }
}
