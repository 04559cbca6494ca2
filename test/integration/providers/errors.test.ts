// What the user reads when a provider call fails, for each way it can fail, through the real
// SDKs against the fake servers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { AdapterKind } from '../../../src/main/providers/types';
import { anthropic, drop, htmlErrorPage, openai, silentReply, splitIntoTokens, streamReply, type FakeProvider, type HttpReply } from '../../support/fake-providers';
import { anthropicFake, openaiFake, runAdapter } from './run-adapter';

const KEY = 'sk-live-abcdefghijklmnop1234';

interface Case {
  kind: AdapterKind;
  start: () => Promise<FakeProvider>;
  error: (status: number, options?: { message?: string; retryAfterSec?: number }) => HttpReply;
}
const providers: Case[] = [
  { kind: 'openai', start: openaiFake, error: openai.httpError },
  { kind: 'anthropic', start: anthropicFake, error: anthropic.httpError },
];

describe.each(providers)('$kind adapter failures', ({ kind, start, error }) => {
  async function failWith(reply: HttpReply) {
    const fake = await start();
    fake.nextReply(reply);
    return { fake, result: await runAdapter(kind, { baseURL: fake.baseURL, apiKey: KEY }) };
  }

  it('401: says the key was rejected', async () => {
    const { result } = await failWith(error(401));

    expect(result.error).toMatchObject({ kind: 'auth', status: 401 });
    expect(result.error?.message).toMatch(/rejected the API key/);
  });

  it('403: says the key is not allowed', async () => {
    const { result } = await failWith(error(403));

    expect(result.error).toMatchObject({ kind: 'permission', status: 403 });
    expect(result.error?.message).toMatch(/not allowed/);
  });

  it('429 with retry-after: says how long to wait', async () => {
    const { result } = await failWith(error(429, { retryAfterSec: 20 }));

    expect(result.error).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterSec: 20 });
    expect(result.error?.message).toMatch(/Try again in 20 s\./);
  });

  it("400: shows the provider's own explanation", async () => {
    const { result } = await failWith(error(400, { message: 'max_tokens: must be at most 4096' }));

    expect(result.error).toMatchObject({ kind: 'bad_request', status: 400, detail: 'max_tokens: must be at most 4096' });
    expect(result.error?.message).toContain('max_tokens: must be at most 4096');
  });

  it('500: says the provider is having trouble', async () => {
    const { result } = await failWith(error(500));

    expect(result.error).toMatchObject({ kind: 'server', status: 500 });
    expect(result.error?.message).toMatch(/having trouble \(500\)/);
  });

  it('502 HTML page from a proxy: says the provider is down without dumping the page', async () => {
    const { result } = await failWith(htmlErrorPage(502));

    expect(result.error).toMatchObject({ kind: 'server', status: 502 });
    expect(JSON.stringify(result.error)).not.toMatch(/<|html|nginx/i);
  });

  it('never shows the key, even when the provider echoes it', async () => {
    const { result } = await failWith(error(401, { message: `Incorrect API key provided: ${KEY}.` }));

    expect(result.error?.kind).toBe('auth');
    expect(JSON.stringify(result.error)).not.toContain(KEY);
    expect(result.error?.detail).toBe('Incorrect API key provided: [key hidden].');
  });

  it('connection dropped mid-reply: the text so far arrives, then connection_lost', async () => {
    const fake = await start();
    const { steps } = kind === 'openai' ? openai.textStream('one two three four', { tokens: 4 }) : anthropic.textStream('one two three four', { tokens: 4 });
    const cut = kind === 'openai' ? 3 : 5; // after two text pieces
    fake.nextReply(streamReply([...steps.slice(0, cut), drop()]));

    const result = await runAdapter(kind, { baseURL: fake.baseURL, apiKey: KEY, maxRetries: 2 });

    const [first, second] = splitIntoTokens('one two three four', 4);
    expect(result.text).toBe(`${first}${second}`);
    expect(result.error).toMatchObject({ kind: 'connection_lost' });
    expect(result.finish).toBeUndefined();
    // The SDK never retries once the reply has started: one request only.
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a failure before the reply starts, then streams normally', async () => {
    const fake = await start();
    const retryNow = { ...error(503), headers: { ...error(503).headers, 'retry-after-ms': '10' } };
    fake.nextReply(retryNow);

    const result = await runAdapter(kind, { baseURL: fake.baseURL, apiKey: KEY, maxRetries: 2 });

    expect(result.error).toBeUndefined();
    expect(result.finish).toBe('stop');
    expect(fake.requests).toHaveLength(2);
  });

  it('no headers within the timeout: says the provider did not answer in time', async () => {
    const fake = await start();
    fake.nextReply(silentReply());

    const result = await runAdapter(kind, { baseURL: fake.baseURL, apiKey: KEY, timeoutMs: 150 });

    expect(result.error).toMatchObject({ kind: 'unreachable' });
    expect(result.error?.message).toMatch(/did not answer in time/);
  });

  it('nothing listening at the base URL: says so and asks about the server and base URL', async () => {
    const baseURL = `http://127.0.0.1:${await closedPort()}`;

    const result = await runAdapter(kind, { baseURL, apiKey: KEY });

    expect(result.error).toMatchObject({ kind: 'unreachable' });
    expect(result.error?.message).toMatch(/nothing is listening there/);
  });

  it('unknown host: says the host could not be found', async () => {
    const result = await runAdapter(kind, { baseURL: 'http://plume-no-such-host.invalid', apiKey: KEY });

    expect(result.error).toMatchObject({ kind: 'unreachable' });
    expect(result.error?.message).toMatch(/Could not find the host plume-no-such-host\.invalid/);
  });
});

describe('provider-specific failures', () => {
  it('Anthropic 529: says the provider is overloaded', async () => {
    const fake = await anthropicFake();
    fake.replyError(529);

    const result = await runAdapter('anthropic', { baseURL: fake.baseURL, apiKey: KEY });

    expect(result.error).toMatchObject({ kind: 'server', status: 529 });
    expect(result.error?.message).toMatch(/overloaded/);
  });

  it('OpenAI retry-after-ms: rounds the wait up to whole seconds', async () => {
    const fake = await openaiFake();
    fake.replyError(429, { retryAfterMs: 1500 });

    const result = await runAdapter('openai', { baseURL: fake.baseURL, apiKey: KEY });

    expect(result.error).toMatchObject({ kind: 'rate_limit', retryAfterSec: 2 });
  });

  it('OpenAI unknown model (404 with a JSON body): a bad request naming the model', async () => {
    const fake = await openaiFake();
    fake.replyError(404, { message: 'The model `gpt-9` does not exist or you do not have access to it.' });

    const result = await runAdapter('openai', { baseURL: fake.baseURL, apiKey: KEY });

    expect(result.error).toMatchObject({ kind: 'bad_request', status: 404 });
    expect(result.error?.message).toContain('The model `gpt-9` does not exist');
  });

  it('Ollama-style error body (`{"error": "text"}`): shows the text', async () => {
    const fake = await openaiFake();
    fake.nextReply({ kind: 'http', status: 404, headers: { 'content-type': 'application/json' }, body: '{"error":"model \\"llama9\\" not found, try pulling it first"}' });

    const result = await runAdapter('openai', { baseURL: fake.baseURL, apiKey: KEY });

    expect(result.error?.message).toContain('model "llama9" not found, try pulling it first');
  });

  it('a base URL that points at some other web server (404 page): asks to check the base URL', async () => {
    const fake = await openaiFake();
    fake.nextReply({ ...htmlErrorPage(404) });

    const result = await runAdapter('openai', { baseURL: fake.baseURL, apiKey: KEY });

    expect(result.error).toMatchObject({ kind: 'unreachable', status: 404 });
    expect(result.error?.message).toMatch(/Check the base URL/);
  });

  it('OpenAI insufficient_quota (429): says credit ran out rather than "wait"', async () => {
    const fake = await openaiFake();
    fake.replyError(429, { code: 'insufficient_quota', message: 'You exceeded your current quota.' });

    const result = await runAdapter('openai', { baseURL: fake.baseURL, apiKey: KEY });

    expect(result.error?.kind).toBe('rate_limit');
    expect(result.error?.retryAfterSec).toBeUndefined();
    expect(result.error?.message).toMatch(/run out of quota or credit/);
  });
});

/** A port that was just free: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
