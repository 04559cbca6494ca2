// Each provider's usage object, shaped like what it really sends, mapped to Plume's one meaning:
// input without the cache, output without reasoning.
import { describe, expect, it } from 'vitest';
import { AnthropicUsageTally, openAIUsage } from '../../../src/main/providers/usage-normalize';

describe('usage from Chat Completions servers', () => {
  it('OpenAI: cached prompt tokens and reasoning are taken out of input and output', () => {
    const usage = openAIUsage({
      prompt_tokens: 1200,
      completion_tokens: 300,
      total_tokens: 1500,
      prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 256, audio_tokens: 0 },
    });
    expect(usage).toEqual({ inputTokens: 176, cacheReadTokens: 1024, outputTokens: 44, reasoningTokens: 256 });
  });

  it('DeepSeek: reasoning included in completion_tokens, cache hits counted apart', () => {
    const usage = openAIUsage({
      prompt_tokens: 20,
      completion_tokens: 230,
      total_tokens: 250,
      prompt_cache_hit_tokens: 0,
      prompt_cache_miss_tokens: 20,
      completion_tokens_details: { reasoning_tokens: 210 },
    });
    expect(usage).toEqual({ inputTokens: 20, outputTokens: 20, reasoningTokens: 210 });
  });

  it('xAI: completion_tokens exclude reasoning (the total adds it on top)', () => {
    const usage = openAIUsage({
      prompt_tokens: 14,
      completion_tokens: 3,
      total_tokens: 317,
      prompt_tokens_details: { text_tokens: 14, cached_tokens: 10 },
      completion_tokens_details: { reasoning_tokens: 300 },
    });
    expect(usage).toEqual({ inputTokens: 4, cacheReadTokens: 10, outputTokens: 3, reasoningTokens: 300 });
  });

  it('Gemini: thinking tokens that appear only in the total are reasoning', () => {
    expect(openAIUsage({ prompt_tokens: 16, completion_tokens: 9, total_tokens: 611 })).toEqual({
      inputTokens: 16,
      outputTokens: 9,
      reasoningTokens: 586,
    });
  });

  it('reasoning larger than the completion cannot be part of it', () => {
    expect(openAIUsage({ prompt_tokens: 40, completion_tokens: 8, total_tokens: 48, completion_tokens_details: { reasoning_tokens: 12 } })).toEqual({
      inputTokens: 40,
      outputTokens: 8,
      reasoningTokens: 12,
    });
  });

  it('OpenRouter: cache writes are billed apart from uncached input', () => {
    const usage = openAIUsage({ prompt_tokens: 2000, completion_tokens: 50, total_tokens: 2050, prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 1800 } });
    expect(usage).toEqual({ inputTokens: 200, cacheWriteTokens: 1800, outputTokens: 50 });
  });

  it('odd or missing fields are skipped, never trusted', () => {
    expect(openAIUsage(null)).toBeUndefined();
    expect(openAIUsage({})).toBeUndefined();
    expect(openAIUsage({ prompt_tokens: '12', completion_tokens: -1, completion_tokens_details: null })).toBeUndefined();
    expect(openAIUsage({ completion_tokens: 5 })).toEqual({ outputTokens: 5 });
  });
});

describe('usage from Anthropic', () => {
  it('input already excludes cache reads and writes, which are counted on their own', () => {
    const tally = new AnthropicUsageTally();
    tally.add({ input_tokens: 338, cache_creation_input_tokens: 20, cache_read_input_tokens: 500, output_tokens: 1 });
    tally.add({ input_tokens: 338, cache_creation_input_tokens: 20, cache_read_input_tokens: 500, output_tokens: 65 });
    expect(tally.usage()).toEqual({ inputTokens: 338, cacheReadTokens: 500, cacheWriteTokens: 20, outputTokens: 65 });
  });

  it('thinking is taken out of output when the API breaks it out', () => {
    const tally = new AnthropicUsageTally();
    tally.add({ input_tokens: 900, output_tokens: 2 });
    tally.add({ output_tokens: 943, output_tokens_details: { thinking_tokens: 261 } });
    expect(tally.usage()).toEqual({ inputTokens: 900, outputTokens: 682, reasoningTokens: 261 });
  });

  it('a gateway that sends input only in message_delta, or no usage at all', () => {
    const late = new AnthropicUsageTally();
    late.add({ input_tokens: 0, output_tokens: 0 });
    late.add({ input_tokens: 61, output_tokens: 2 });
    expect(late.usage()).toEqual({ inputTokens: 61, outputTokens: 2 });
    const none = new AnthropicUsageTally();
    none.add(undefined);
    none.add(null);
    expect(none.usage()).toBeUndefined();
  });
});
