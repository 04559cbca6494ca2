import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../../src/main/providers/registry';
import { comment, openai, silentReply, stall, streamReply, wait } from '../../support/fake-providers';
import { HELLO, abortAtFirstText, openaiFake, runAdapter } from './run-adapter';

describe('OpenAI Chat Completions adapter', () => {
  it('streams the reply as text events, then usage, then a normal finish', async () => {
    const fake = await openaiFake();
    fake.replyText('The quick brown fox', { tokens: 4, usage: { prompt: 9, completion: 4, reasoning: 2 } });

    const result = await runAdapter('openai', { baseURL: fake.baseURL, apiKey: 'sk-test-key-123' });

    expect(result.events.filter((e) => e.type === 'text')).toHaveLength(4);
    expect(result.text).toBe('The quick brown fox');
    // Normalized: OpenAI's completion_tokens (4) include the reasoning (2); Plume's output does not.
    expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 2, reasoningTokens: 2 });
    expect(result.events.at(-1)).toEqual({ type: 'finish', reason: 'stop', raw: 'stop' });
    expect(result.error).toBeUndefined();
  });

  it('sends the conversation, system prompt, key, extra headers and generation options', async () => {
    const fake = await openaiFake();

    await runAdapter(
      'openai',
      { baseURL: fake.baseURL, apiKey: 'sk-test-key-123', headers: { 'X-Title': 'Plume' } },
      { ...HELLO, system: 'Be brief.', options: { temperature: 0.3, maxOutputTokens: 200, reasoningEffort: 'low' } },
    );

    const request = fake.requests[0]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-test-key-123');
    expect(request.headers['x-title']).toBe('Plume');
    expect(request.body).toMatchObject({
      model: 'fake-model',
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello?' },
      ],
      temperature: 0.3,
      max_tokens: 200, // a compatible server: the name every server knows
      reasoning_effort: 'low',
    });
  });

  it('works without a key, as local servers need, sending a placeholder instead of nothing', async () => {
    const fake = await openaiFake();

    const result = await runAdapter('openai', { baseURL: fake.baseURL });

    expect(result.finish).toBe('stop');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer no-key-needed');
  });

  it('reports every received chunk as a sign of life, comment-only keep-alives included', async () => {
    const fake = await openaiFake();
    const keepAlives = [1, 2, 3, 4, 5].flatMap(() => [wait(15), comment('keep-alive')]);
    fake.nextReply(streamReply([openai.roleChunk(), ...keepAlives, wait(15), openai.textChunk('Hi'), openai.finishChunk(), openai.done()]));

    const result = await runAdapter('openai', { baseURL: fake.baseURL, apiKey: 'k' });

    expect(result.text).toBe('Hi');
    // headers + role chunk + 5 keep-alives + text chunk, at the least
    expect(result.byteReports).toBeGreaterThanOrEqual(8);
  });

  it('aborting mid-reply closes the HTTP request, and the adapter just stops without an error', async () => {
    const fake = await openaiFake();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Partial'), stall()]));

    const seen = await abortAtFirstText('openai', fake.baseURL);

    await fake.waitForDisconnect();
    expect(seen).toEqual(['text']);
  });

  it('aborting before the provider answers at all also closes the request quietly', async () => {
    const fake = await openaiFake();
    fake.nextReply(silentReply());
    const controller = new AbortController();
    const adapter = createAdapter('openai', { baseURL: fake.baseURL, apiKey: 'k', maxRetries: 0 });

    const events = (async () => {
      const seen: unknown[] = [];
      for await (const event of adapter.stream(HELLO, { signal: controller.signal })) seen.push(event);
      return seen;
    })();
    await fake.waitForRequest(1);
    controller.abort();

    expect(await events).toEqual([]);
    await fake.waitForDisconnect(1);
  });

  it('sends max_completion_tokens to OpenAI itself, whose reasoning models refuse max_tokens', async () => {
    const { chatParams } = await import('../../../src/main/providers/openai-chat');

    const params = chatParams({ ...HELLO, options: { maxOutputTokens: 50 } }, 'https://api.openai.com/v1');

    expect(params.max_completion_tokens).toBe(50);
    expect(params.max_tokens).toBeUndefined();
  });
});
