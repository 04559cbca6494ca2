// Claude's adaptive thinking and effort: sent as the Messages API expects, only when chosen,
// and offered only for the models that take them.
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../src/main/services/request-validation';
import { anthropicCapabilities } from '../../../src/shared/anthropic-models';
import { HELLO, anthropicFake, runAdapter } from './run-adapter';

describe('Anthropic adaptive thinking and effort', () => {
  it('adaptive thinking replaces a budget, and effort goes in output_config', async () => {
    const fake = await anthropicFake();
    await runAdapter('anthropic', { baseURL: fake.baseURL, apiKey: 'k' }, { ...HELLO, model: 'claude-opus-4-6', options: { adaptiveThinking: true, thinkingBudget: 4000, effort: 'xhigh' } });
    const body = fake.requests[0]?.body as Record<string, unknown>;
    expect(body['thinking']).toEqual({ type: 'adaptive' });
    expect(body['output_config']).toEqual({ effort: 'xhigh' });
  });

  it('neither is sent unless chosen', async () => {
    const fake = await anthropicFake();
    await runAdapter('anthropic', { baseURL: fake.baseURL, apiKey: 'k' }, { ...HELLO, options: { thinkingBudget: 2000 } });
    const body = fake.requests[0]?.body as Record<string, unknown>;
    expect(body['thinking']).toEqual({ type: 'enabled', budget_tokens: 2000 });
    expect(body).not.toHaveProperty('output_config');
  });

  it('the window cannot slip in other values', () => {
    expect(parseOptions({ adaptiveThinking: 'yes', effort: 'ludicrous' })).toEqual({});
    expect(parseOptions({ adaptiveThinking: true, effort: 'max' })).toEqual({ adaptiveThinking: true, effort: 'max' });
  });

  it('is offered for the models that take it, read from the model id', () => {
    expect(anthropicCapabilities('claude-opus-4-6')).toEqual({ adaptiveThinking: true, effort: true });
    expect(anthropicCapabilities('claude-sonnet-4-6-20260115')).toEqual({ adaptiveThinking: true, effort: true });
    expect(anthropicCapabilities('claude-opus-4-5-20251101')).toEqual({ adaptiveThinking: false, effort: true });
    expect(anthropicCapabilities('claude-sonnet-4-5')).toEqual({ adaptiveThinking: false, effort: false });
    expect(anthropicCapabilities('claude-sonnet-4-20250514')).toEqual({ adaptiveThinking: false, effort: false });
    expect(anthropicCapabilities('claude-haiku-4-5')).toEqual({ adaptiveThinking: false, effort: false });
    expect(anthropicCapabilities('claude-opus-5')).toEqual({ adaptiveThinking: true, effort: true });
    expect(anthropicCapabilities('my-gateway/claude')).toEqual({ adaptiveThinking: false, effort: false });
  });
});
