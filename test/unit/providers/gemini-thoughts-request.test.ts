import { describe, expect, it } from 'vitest';
import { chatParams } from '../../../src/main/providers/openai-chat';
import type { ProviderCall } from '../../../src/main/providers/types';

const GEMINI = 'https://generativelanguage.googleapis.com/v1beta/openai';
const call = (options: ProviderCall['options']): ProviderCall => ({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }], options });

describe('the Gemini preset and thoughts', () => {
  it('asks for thoughts when the user sets a reasoning level', () => {
    const params = chatParams(call({ reasoningEffort: 'high' }), GEMINI) as unknown as Record<string, unknown>;
    expect(params['reasoning_effort']).toBe('high');
    expect(params['extra_body']).toEqual({ google: { thinking_config: { include_thoughts: true } } });
  });

  it('asks for nothing extra without a reasoning level, and never on other servers', () => {
    expect(chatParams(call({}), GEMINI)).not.toHaveProperty('extra_body');
    expect(chatParams(call({ reasoningEffort: 'high' }), 'https://api.openai.com/v1')).not.toHaveProperty('extra_body');
  });
});
