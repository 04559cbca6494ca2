// The fake servers are only useful if the real SDKs accept them as the real thing: these tests
// drive the official SDKs (not our adapters) against them.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { openai, rechunk, startFakeAnthropic, startFakeOpenAI, stall, streamReply, type FakeProvider } from '../../support/fake-providers';

const servers: FakeProvider[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function fakeOpenAI() {
  const fake = await startFakeOpenAI();
  servers.push(fake);
  const client = new OpenAI({ baseURL: fake.baseURL, apiKey: 'sk-test', maxRetries: 0 });
  return { fake, client };
}

async function fakeAnthropic() {
  const fake = await startFakeAnthropic();
  servers.push(fake);
  const client = new Anthropic({ baseURL: fake.baseURL, apiKey: 'sk-ant-test', maxRetries: 0 });
  return { fake, client };
}

describe('fake OpenAI server', () => {
  it('streams chunks the OpenAI SDK reads as a complete reply, and records the request', async () => {
    const { fake, client } = await fakeOpenAI();
    fake.replyText('Bonjour à tous 👋', { tokens: 4 });

    const stream = await client.chat.completions.create({
      model: 'gpt-x',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null | undefined;
    let totalTokens: number | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish ??= chunk.choices[0]?.finish_reason;
      totalTokens ??= chunk.usage?.total_tokens;
    }

    expect(text).toBe('Bonjour à tous 👋');
    expect(finish).toBe('stop');
    expect(totalTokens).toBe(16);
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.body).toMatchObject({ model: 'gpt-x', stream: true });
  });

  it('keeps the text intact when the bytes arrive cut inside lines and UTF-8 sequences', async () => {
    const { fake, client } = await fakeOpenAI();
    fake.nextReply(streamReply(rechunk(openai.textStream('naïve café ☕ done', { tokens: 3 }).steps, 7, 2)));

    const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';

    expect(text).toBe('naïve café ☕ done');
  });

  it('answers errors in OpenAI shape, which the SDK turns into typed errors with headers', async () => {
    const { fake, client } = await fakeOpenAI();
    fake.replyError(429, { retryAfterSec: 20 });

    const failure = await client.chat.completions
      .create({ model: 'm', messages: [], stream: true })
      .then(() => undefined, (error: unknown) => error);

    expect(failure).toBeInstanceOf(OpenAI.RateLimitError);
    expect((failure as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('20');
  });

  it('observes the client going away while the reply is stalled', async () => {
    const { fake, client } = await fakeOpenAI();
    fake.nextReply(streamReply([openai.roleChunk(), stall()]));
    const controller = new AbortController();

    const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true }, { signal: controller.signal });
    const reading = (async () => {
      for await (const _ of stream) controller.abort();
    })();

    await fake.waitForDisconnect();
    await reading;
    expect(fake.requests[0]?.clientDisconnected).toBe(true);
  });

  it('lists models in OpenAI shape', async () => {
    const { fake, client } = await fakeOpenAI();
    fake.setModels(['gpt-a', 'gpt-b']);

    const page = await client.models.list();

    expect(page.data.map((model) => model.id)).toEqual(['gpt-a', 'gpt-b']);
  });
});

describe('fake Anthropic server', () => {
  it('streams events in an order the SDK message accumulator accepts', async () => {
    const { fake, client } = await fakeAnthropic();
    fake.replyText('Hello there, friend', { tokens: 3, thinking: 'Let me think.' });

    const message = await client.messages
      .stream({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] })
      .finalMessage();

    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(message.content[1]).toMatchObject({ type: 'text', text: 'Hello there, friend' });
    expect(message.stop_reason).toBe('end_turn');
    // SDK 1.x sends the key as a bearer token, not as `x-api-key`.
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-ant-test');
    expect(fake.requests[0]?.path).toBe('/v1/messages');
  });

  it('answers 529 in Anthropic shape, which the SDK reads as overloaded', async () => {
    const { fake, client } = await fakeAnthropic();
    fake.replyError(529);

    const failure = await client.messages
      .create({ model: 'm', max_tokens: 10, messages: [], stream: true })
      .then(() => undefined, (error: unknown) => error);

    expect(failure).toBeInstanceOf(Anthropic.APIError);
    expect((failure as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    expect((failure as InstanceType<typeof Anthropic.APIError>).type).toBe('overloaded_error');
  });

  it('lists models in Anthropic shape', async () => {
    const { fake, client } = await fakeAnthropic();
    fake.setModels(['claude-a']);

    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);

    expect(ids).toEqual(['claude-a']);
    expect(fake.requests[0]?.path).toBe('/v1/models');
  });
});
