// Which models a provider offers, through the SDKs' own listing calls.
import { createAnthropicClient } from './anthropic-messages';
import { toProviderFailure } from './errors';
import { createOpenAIClient } from './openai-chat';
import type { AdapterKind, ProviderCallConfig } from './types';

/** A runaway paginated listing should not hang the settings screen. */
const MAX_MODELS = 2000;

/** Model ids, in the provider's order for Anthropic (newest first), sorted otherwise. */
export async function listModels(kind: AdapterKind, config: ProviderCallConfig, signal?: AbortSignal): Promise<string[]> {
  try {
    const ids = kind === 'anthropic' ? await anthropicModelIds(config, signal) : await openaiModelIds(config, signal);
    const unique = [...new Set(ids)];
    return kind === 'anthropic' ? unique : unique.sort((a, b) => a.localeCompare(b));
  } catch (error) {
    throw toProviderFailure(error, { baseURL: config.baseURL, apiKey: config.apiKey, phase: 'request' });
  }
}

async function openaiModelIds(config: ProviderCallConfig, signal?: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for await (const model of createOpenAIClient(config).models.list(signal ? { signal } : {})) {
    // Compatible servers are not all careful about the shape.
    if (typeof model?.id === 'string' && model.id !== '') ids.push(model.id);
    if (ids.length >= MAX_MODELS) break;
  }
  return ids;
}

async function anthropicModelIds(config: ProviderCallConfig, signal?: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for await (const model of createAnthropicClient(config).models.list({ limit: 100 }, signal ? { signal } : {})) {
    if (typeof model?.id === 'string' && model.id !== '') ids.push(model.id);
    if (ids.length >= MAX_MODELS) break;
  }
  return ids;
}
