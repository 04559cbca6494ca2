// Which models a provider offers, through the SDKs' own listing calls.
import { createAnthropicClient } from './anthropic-messages';
import { toProviderFailure } from './errors';
import { createOpenAIClient } from './openai-chat';
import type { AdapterKind, ProviderCallConfig } from './types';

/** A runaway paginated listing should not hang the settings screen. */
const MAX_MODELS = 2000;

/** Model ids, in the provider's order for Anthropic (newest first), sorted otherwise. */
export async function listModels(kind: AdapterKind, config: ProviderCallConfig, signal?: AbortSignal): Promise<string[]> {
  const options = signal ? { signal } : {};
  try {
    const ids = await collectIds(
      kind === 'anthropic'
        ? createAnthropicClient(config).models.list({ limit: 100 }, options)
        : createOpenAIClient(config).models.list(options),
    );
    const unique = [...new Set(ids)];
    return kind === 'anthropic' ? unique : unique.sort((a, b) => a.localeCompare(b));
  } catch (error) {
    throw toProviderFailure(error, { baseURL: config.baseURL, apiKey: config.apiKey, headers: config.headers, phase: 'request' });
  }
}

/** Both SDKs page through the listing as one async iterable of models. */
async function collectIds(models: AsyncIterable<{ id?: unknown } | null | undefined>): Promise<string[]> {
  const ids: string[] = [];
  for await (const model of models) {
    // Compatible servers are not all careful about the shape.
    if (typeof model?.id === 'string' && model.id !== '') ids.push(model.id);
    if (ids.length >= MAX_MODELS) break;
  }
  return ids;
}
