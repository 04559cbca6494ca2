// Providers count tokens differently, so the same reply would cost different amounts depending
// on who served it. This maps each wire format's counts onto Plume's one meaning (shared Usage):
// input excludes cache reads and writes, output excludes reasoning.
//
// - OpenAI, DeepSeek, Groq, OpenRouter…: `prompt_tokens` includes cached tokens
//   (`prompt_tokens_details.cached_tokens`, DeepSeek's `prompt_cache_hit_tokens`, OpenRouter's
//   `cache_write_tokens`); `completion_tokens` includes `reasoning_tokens`.
// - xAI: `completion_tokens` excludes reasoning (`total_tokens` = prompt + completion + reasoning).
// - Gemini's compatible endpoint: thinking tokens appear only in `total_tokens`.
// - Anthropic: `input_tokens` already excludes `cache_read_input_tokens` and
//   `cache_creation_input_tokens`; `output_tokens` includes thinking, which is broken out only
//   when `output_tokens_details.thinking_tokens` is sent.
import type { Usage } from '../../shared/provider-events';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);
const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined);

/** A Chat Completions `usage` object (any compatible server's) in Plume's meaning. */
export function openAIUsage(value: unknown): Usage | undefined {
  if (!isObject(value)) return undefined;
  const prompt = count(value['prompt_tokens']);
  const completion = count(value['completion_tokens']);
  const total = count(value['total_tokens']);
  const cacheRead = count(field(value['prompt_tokens_details'], 'cached_tokens')) ?? count(value['prompt_cache_hit_tokens']);
  const cacheWrite = count(field(value['prompt_tokens_details'], 'cache_write_tokens'));
  let reasoning = count(field(value['completion_tokens_details'], 'reasoning_tokens'));

  const usage: Usage = {};
  if (prompt !== undefined) usage.inputTokens = Math.max(0, prompt - (cacheRead ?? 0) - (cacheWrite ?? 0));
  if (cacheRead) usage.cacheReadTokens = cacheRead;
  if (cacheWrite) usage.cacheWriteTokens = cacheWrite;
  if (completion !== undefined) {
    let reasoningIncluded = true;
    const counted = prompt !== undefined && total !== undefined ? total - prompt - completion : undefined;
    if (reasoning !== undefined && reasoning > 0) {
      // Output cannot be negative, and a total that adds reasoning on top says the same.
      reasoningIncluded = !(reasoning > completion || counted === reasoning);
    } else if (counted !== undefined && counted > 0) {
      reasoning = counted; // tokens billed but reported nowhere else: the model's hidden thinking
      reasoningIncluded = false;
    }
    usage.outputTokens = reasoningIncluded ? completion - (reasoning ?? 0) : completion;
  }
  if (reasoning !== undefined) usage.reasoningTokens = reasoning;
  return Object.keys(usage).length > 0 ? usage : undefined;
}

/**
 * Adds up Anthropic's usage as it arrives: `message_start` has the first counts, each
 * `message_delta` cumulative ones (gateways may send input there too, or no usage at all).
 */
export class AnthropicUsageTally {
  private readonly raw: Partial<Record<'input' | 'cacheRead' | 'cacheWrite' | 'output' | 'thinking', number>> = {};

  add(usage: unknown): void {
    if (!isObject(usage)) return;
    this.take('input', usage['input_tokens']);
    this.take('cacheRead', usage['cache_read_input_tokens']);
    this.take('cacheWrite', usage['cache_creation_input_tokens']);
    this.take('output', usage['output_tokens']);
    this.take('thinking', field(usage['output_tokens_details'], 'thinking_tokens'));
  }

  usage(): Usage | undefined {
    const { input, cacheRead, cacheWrite, output, thinking } = this.raw;
    const usage: Usage = {};
    if (input !== undefined) usage.inputTokens = input;
    if (cacheRead) usage.cacheReadTokens = cacheRead;
    if (cacheWrite) usage.cacheWriteTokens = cacheWrite;
    if (output !== undefined) usage.outputTokens = Math.max(0, output - (thinking ?? 0));
    if (thinking !== undefined) usage.reasoningTokens = thinking;
    return Object.keys(usage).length > 0 ? usage : undefined;
  }

  private take(key: keyof AnthropicUsageTally['raw'], value: unknown): void {
    const n = count(value);
    if (n !== undefined) this.raw[key] = n;
  }
}
