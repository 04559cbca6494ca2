// Fast providers send thousands of one-token chunks a second; and a user pressing Stop while
// the SDK waits to retry must not be kept waiting for the retry.
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../../src/main/providers/registry';
import type { AdapterKind } from '../../../src/main/providers/types';
import { anthropic, openai, type FakeProvider, type Reply } from '../../support/fake-providers';
import { HELLO, anthropicFake, openaiFake, runAdapter } from './run-adapter';

const kinds: Array<{ kind: AdapterKind; start: () => Promise<FakeProvider>; busy: () => Reply }> = [
  { kind: 'openai', start: openaiFake, busy: () => openai.httpError(503, { retryAfterSec: 30 }) },
  { kind: 'anthropic', start: anthropicFake, busy: () => anthropic.httpError(529, { retryAfterSec: 30 }) },
];

describe.each(kinds)('$kind adapter under load and retries', ({ kind, start, busy }) => {
  it('delivers 3,000 back-to-back token chunks complete and in order', async () => {
    const fake = await start();
    const words = Array.from({ length: 3000 }, (_, i) => `w${i} `);
    fake.nextReply(
      kind === 'openai'
        ? openai.textStream(words.join(''), { tokens: 3000 })
        : anthropic.textStream(words.join(''), { tokens: 3000 }),
    );

    const result = await runAdapter(kind, { baseURL: fake.baseURL, apiKey: 'k' });

    expect(result.events.filter((e) => e.type === 'text')).toHaveLength(3000);
    expect(result.text).toBe(words.join(''));
    expect(result.finish).toBe('stop');
  });

  it('Stop during the SDK wait before a retry ends the call at once, quietly', async () => {
    const fake = await start();
    fake.nextReply(busy()); // asks the SDK to wait 30 s before retrying
    const controller = new AbortController();
    const adapter = createAdapter(kind, { baseURL: fake.baseURL, apiKey: 'k', maxRetries: 2 });

    const run = (async () => {
      const seen: unknown[] = [];
      for await (const event of adapter.stream(HELLO, { signal: controller.signal })) seen.push(event);
      return seen;
    })();
    await fake.waitForRequest(1);
    controller.abort();

    // Were the abort ignored, the SDK would sit out its 30 s back-off and the test would time out.
    expect(await run).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });
});
