// The vision heuristic the composer uses to warn before images go to a model that may not see
// them: model ids as OpenAI, Anthropic, gateways and local servers spell them.
import { describe, expect, it } from 'vitest';
import { seesImages } from '../../../src/renderer/src/chat/attachments/vision';

describe('which models see images', () => {
  it('knows the vision families, with gateway prefixes and local tags', () => {
    for (const id of [
      'gpt-4o', 'gpt-4o-mini-2024-07-18', 'chatgpt-4o-latest', 'gpt-4.1-nano', 'gpt-5', 'gpt-4-turbo', 'o3', 'o4-mini', 'o1',
      'claude-3-5-sonnet-20241022', 'claude-sonnet-4-5', 'claude-opus-4-1', 'claude-haiku-4-5',
      'openai/gpt-4o', 'anthropic/claude-3.7-sonnet', 'google/gemini-2.5-pro',
      'llava:13b', 'llama3.2-vision:11b', 'qwen2.5vl:7b', 'Qwen/Qwen2.5-VL-7B-Instruct', 'minicpm-v', 'gemma3:12b', 'pixtral-12b-2409',
    ]) {
      expect(seesImages(id), id).toBe(true);
    }
  });

  it('does not claim it for text-only models, so those get the warning', () => {
    for (const id of ['gpt-3.5-turbo', 'gpt-4', 'o1-mini', 'o3-mini', 'llama3.1:8b', 'mistral:7b', 'deepseek-r1:14b', 'qwen2.5-coder:7b', 'gpt-e2e']) {
      expect(seesImages(id), id).toBe(false);
    }
  });
});
