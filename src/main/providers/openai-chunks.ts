// Turns Chat Completions chunks into ProviderEvents. The chunks come from the SDK already parsed,
// but OpenAI-compatible servers bend the shape (reasoning fields, content arrays, usage in odd
// places, null choices), so every field is read defensively rather than trusted to the SDK types.
import type { FinishReason, ProviderEvent, Usage } from '../../shared/provider-events';
import { ProviderFailure } from './errors';
import { OpenAIToolCallAssembler } from './openai-tool-calls';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOr = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

export class OpenAIChunkReader {
  private finishRaw: string | undefined;
  private usage: Usage | undefined;
  private readonly toolCalls = new OpenAIToolCallAssembler();

  constructor(private readonly host: string) {}

  *read(chunk: unknown): Generator<ProviderEvent> {
    if (!isObject(chunk)) return;
    // Usage may ride on any chunk (xAI: second-to-last; vLLM: with `choices: null`; Groq: under
    // `x_groq`). Totals are cumulative, so the last one seen wins.
    const usage = readUsage(chunk['usage']) ?? (isObject(chunk['x_groq']) ? readUsage(chunk['x_groq']['usage']) : undefined);
    if (usage) this.usage = usage;

    const choices = Array.isArray(chunk['choices']) ? chunk['choices'] : [];
    // Plume asks for one choice; a missing index means the first one.
    const choice = choices.find((c): c is Loose => isObject(c) && (c['index'] ?? 0) === 0);
    if (!choice) return;
    if (isObject(choice['delta'])) {
      yield* readDelta(choice['delta']);
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
    // A call still open here ended with the stream: complete only if the provider said it finished.
    yield* this.toolCalls.close(this.finishRaw !== undefined && this.finishRaw !== 'length');
    if (this.usage) yield { type: 'usage', usage: this.usage };
    if (this.finishRaw !== undefined) yield { type: 'finish', reason: mapFinishReason(this.finishRaw), raw: this.finishRaw };
  }
}

function* readDelta(delta: Loose): Generator<ProviderEvent> {
  // DeepSeek names it `reasoning_content`, Ollama and OpenRouter `reasoning`; some send both
  // with the same text, so only one is used.
  const reasoning = delta['reasoning_content'] ?? delta['reasoning'];
  if (typeof reasoning === 'string' && reasoning !== '') yield { type: 'reasoning', text: reasoning };

  const content = delta['content'];
  if (typeof content === 'string' && content !== '') yield { type: 'text', text: content };
  else if (Array.isArray(content)) yield* readContentParts(content);

  const refusal = delta['refusal'];
  if (typeof refusal === 'string' && refusal !== '') yield { type: 'text', text: refusal };
  // `tool_calls` fragments are assembled by OpenAIToolCallAssembler (openai-tool-calls.ts).
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

function readUsage(value: unknown): Usage | undefined {
  if (!isObject(value)) return undefined;
  const usage: Usage = {};
  const input = numberOr(value['prompt_tokens']);
  const output = numberOr(value['completion_tokens']);
  const details = value['completion_tokens_details'];
  const reasoning = isObject(details) ? numberOr(details['reasoning_tokens']) : undefined;
  if (input !== undefined) usage.inputTokens = input;
  if (output !== undefined) usage.outputTokens = output;
  if (reasoning !== undefined) usage.reasoningTokens = reasoning;
  return Object.keys(usage).length > 0 ? usage : undefined;
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
