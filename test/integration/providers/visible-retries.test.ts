// Retries the user can see: each one is announced (why, which attempt, how long the wait), the
// idle watchdog stands aside during the wait, and a final failure says it was retried.
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../../src/main/providers/registry';
import type { AdapterKind } from '../../../src/main/providers/types';
import { runReplySession } from '../../../src/main/stream/reply-session';
import type { ProviderEvent } from '../../../src/shared/provider-events';
import { anthropic, openai, type FakeProvider, type HttpReply } from '../../support/fake-providers';
import { nodePortPair } from '../../support/node-ports';
import { TestConsumer } from '../../support/reply-consumer';
import { HELLO, anthropicFake, openaiFake, runAdapter } from './run-adapter';

const retries = (events: ProviderEvent[]) => events.flatMap((e) => (e.type === 'retry' ? [e.notice] : []));

const kinds: Array<{ kind: AdapterKind; start: () => Promise<FakeProvider>; error: (status: number, retryAfterSec?: number) => HttpReply }> = [
  { kind: 'openai', start: openaiFake, error: (status, retryAfterSec) => openai.httpError(status, retryAfterSec === undefined ? {} : { retryAfterSec }) },
  { kind: 'anthropic', start: anthropicFake, error: (status, retryAfterSec) => anthropic.httpError(status, retryAfterSec === undefined ? {} : { retryAfterSec }) },
];

describe.each(kinds)('$kind: retries', ({ kind, start, error }) => {
  it('a 429 with retry-after is announced with its wait and attempt, then the reply arrives', async () => {
    const fake = await start();
    fake.nextReply(error(429, 0));
    const result = await runAdapter(kind, { baseURL: fake.baseURL, apiKey: 'k', maxRetries: 2 });
    expect(retries(result.events)).toEqual([{ reason: 'rate_limit', attempt: 2, of: 3, waitMs: 0 }]);
    expect(result.text).toBe('Hello from the fake server.');
    expect(fake.requests).toHaveLength(2);
  });

  it('an overloaded provider is named as such', async () => {
    const fake = await start();
    fake.nextReply(error(kind === 'anthropic' ? 529 : 503, 0));
    const result = await runAdapter(kind, { baseURL: fake.baseURL, apiKey: 'k', maxRetries: 1 });
    expect(retries(result.events)).toMatchObject([{ reason: 'overloaded', attempt: 2, of: 2 }]);
    expect(result.error).toBeUndefined();
  });

  it('when every attempt fails, the error says how many times Plume tried', async () => {
    const fake = await start();
    fake.nextReply(error(429, 0), error(429, 0), error(429, 0));
    const result = await runAdapter(kind, { baseURL: fake.baseURL, apiKey: 'k', maxRetries: 2 });
    expect(retries(result.events).map((n) => n.attempt)).toEqual([2, 3]);
    expect(result.error?.kind).toBe('rate_limit');
    expect(result.error?.message).toMatch(/Plume tried 3 times/);
  });

  it('a provider asking for a wait over a minute is not retried: the error says how long to wait', async () => {
    const fake = await start();
    fake.nextReply(error(429, 600));
    const result = await runAdapter(kind, { baseURL: fake.baseURL, apiKey: 'k', maxRetries: 2 });
    expect(retries(result.events)).toEqual([]);
    expect(result.error?.message).toMatch(/10 min/);
    expect(fake.requests).toHaveLength(1);
  });

  it('a bad request is never retried', async () => {
    const fake = await start();
    fake.nextReply(error(400));
    const result = await runAdapter(kind, { baseURL: fake.baseURL, apiKey: 'k', maxRetries: 2 });
    expect(retries(result.events)).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('the idle watchdog during a retry wait', () => {
  it('does not fire while the provider asked to wait longer than the stall timeout: the window hears about the rate limit, then gets the reply', async () => {
    const fake = await openaiFake();
    fake.nextReply(openai.httpError(429, { retryAfterSec: 2 }), openai.textStream('Worth the wait.'));
    const { main, renderer } = nodePortPair();
    const consumer = new TestConsumer(renderer, { autoGrant: true });
    const adapter = createAdapter('openai', { baseURL: fake.baseURL, apiKey: 'k', maxRetries: 2 });

    // 500 ms of silence would be a stall; the 2 s back-off is not silence, it is a wait.
    const result = await runReplySession({ adapter, call: HELLO, port: main, idleTimeoutMs: 500 });
    await consumer.until(() => consumer.ended !== undefined);

    expect(consumer.messages.find((m) => m.retry)?.retry).toEqual({ reason: 'rate_limit', attempt: 2, of: 3, waitMs: 2000 });
    expect(result.outcome.state).toBe('complete');
    expect(consumer.text).toBe('Worth the wait.');
  });
});
