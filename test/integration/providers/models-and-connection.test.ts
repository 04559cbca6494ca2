import { describe, expect, it } from 'vitest';
import { listModels } from '../../../src/main/providers/models';
import { testConnection } from '../../../src/main/providers/test-connection';
import { anthropic, htmlErrorPage, openai, silentReply } from '../../support/fake-providers';
import { anthropicFake, openaiFake } from './run-adapter';

describe('listModels', () => {
  it('OpenAI-compatible: lists ids sorted, sending the key', async () => {
    const fake = await openaiFake();
    fake.setModels(['zeta-7b', 'alpha-70b', 'mid-13b']);

    const ids = await listModels('openai', { baseURL: fake.baseURL, apiKey: 'sk-list-1' });

    expect(ids).toEqual(['alpha-70b', 'mid-13b', 'zeta-7b']);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-list-1');
  });

  it("Anthropic: lists ids in the provider's order (newest first)", async () => {
    const fake = await anthropicFake();
    fake.setModels(['claude-new', 'claude-old']);

    const ids = await listModels('anthropic', { baseURL: fake.baseURL, apiKey: 'sk-ant-1' });

    expect(ids).toEqual(['claude-new', 'claude-old']);
  });
});

describe('testConnection', () => {
  it('a working provider: ok, with its models', async () => {
    const fake = await openaiFake();
    fake.setModels(['llama3.2']);

    expect(await testConnection('openai', { baseURL: fake.baseURL })).toEqual({ ok: true, models: ['llama3.2'] });
  });

  it('bad key (401) and no permission (403) are told apart', async () => {
    const fake = await anthropicFake();
    fake.nextModelsReply(anthropic.httpError(401), anthropic.httpError(403));

    const badKey = await testConnection('anthropic', { baseURL: fake.baseURL, apiKey: 'wrong' });
    const noPermission = await testConnection('anthropic', { baseURL: fake.baseURL, apiKey: 'limited' });

    expect(badKey).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(noPermission).toMatchObject({ ok: false, error: { kind: 'permission' } });
  });

  it('rate limited and provider errors are reported at once, never retried', async () => {
    const fake = await openaiFake();
    fake.nextModelsReply(openai.httpError(429, { retryAfterSec: 30 }), openai.httpError(500));

    const limited = await testConnection('openai', { baseURL: fake.baseURL, apiKey: 'k' });
    const broken = await testConnection('openai', { baseURL: fake.baseURL, apiKey: 'k' });

    expect(limited).toMatchObject({ ok: false, error: { kind: 'rate_limit', retryAfterSec: 30 } });
    expect(broken).toMatchObject({ ok: false, error: { kind: 'server', status: 500 } });
    expect(fake.requests).toHaveLength(2);
  });

  it('a base URL that answers with a 404 page: asks to check the base URL', async () => {
    const fake = await openaiFake();
    fake.nextModelsReply(htmlErrorPage(404));

    const check = await testConnection('openai', { baseURL: fake.baseURL, apiKey: 'k' });

    expect(check).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    if (!check.ok) expect(check.error.message).toMatch(/Check the base URL/);
  });

  it('a server that never answers: gives up after the timeout with a plain message', async () => {
    const fake = await openaiFake();
    fake.nextModelsReply(silentReply());

    const check = await testConnection('openai', { baseURL: fake.baseURL, apiKey: 'k', timeoutMs: 150 });

    expect(check).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    if (!check.ok) expect(check.error.message).toMatch(/did not answer in time/);
  });

  it('Ollama not started: says nothing is listening', async () => {
    const fake = await openaiFake();
    const baseURL = fake.baseURL;
    await fake.close();

    const check = await testConnection('openai', { baseURL });

    expect(check).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    if (!check.ok) expect(check.error.message).toMatch(/nothing is listening there/);
  });
});
