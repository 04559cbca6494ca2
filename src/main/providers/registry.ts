// Picks the adapter for a provider kind. Every OpenAI-compatible preset uses the OpenAI one.
import { createAnthropicMessagesAdapter } from './anthropic-messages';
import { createOpenAIChatAdapter } from './openai-chat';
import type { AdapterKind, ProviderAdapter, ProviderCallConfig } from './types';

export function createAdapter(kind: AdapterKind, config: ProviderCallConfig): ProviderAdapter {
  switch (kind) {
    case 'openai':
      return createOpenAIChatAdapter(config);
    case 'anthropic':
      return createAnthropicMessagesAdapter(config);
  }
}
