// Main's registry of replies in flight: a second reply in a conversation that is still answering
// is refused on its own port with a clear message, and the first one streams on untouched.
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamRequest } from '../../../src/shared/chat';
import { CONVERSATION_BUSY } from '../../../src/shared/chat';
import { startFakeOpenAI } from '../../support/fake-providers';
import * as openai from '../../support/fake-providers/openai-wire';
import { gate, streamReply } from '../../support/fake-providers/steps';
import { nodePortPair } from '../../support/node-ports';
import { TestConsumer } from '../../support/reply-consumer';
import { startService, type TestService } from '../attachments/service';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

function open(app: TestService, request: StreamRequest): TestConsumer {
  const { main, renderer } = nodePortPair();
  app.service.openStream(request, main);
  return new TestConsumer(renderer, { autoGrant: true });
}

describe('one reply per conversation', () => {
  it('refuses a second reply while the first streams, then accepts one after it ended', async () => {
    const fake = await startFakeOpenAI();
    cleanup.push(() => fake.close());
    const app = await startService({ kind: 'openai', baseURL: fake.baseURL, model: 'gpt-test' });
    cleanup.push(() => app.close());
    const conversation = await app.call('conversations:create', { providerId: app.providerId, model: 'gpt-test' });
    const request = (text: string): StreamRequest => ({ conversationId: conversation.id, providerId: app.providerId, model: 'gpt-test', action: { kind: 'send', text } });

    const held = gate();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('First half'), held.step, openai.textChunk(', second half.'), openai.finishChunk('stop'), openai.done()]));
    const first = open(app, request('one'));
    await first.until(() => first.text === 'First half');

    const second = open(app, request('two'));
    await second.until(() => second.ended !== undefined);
    expect(second.ended?.outcome).toMatchObject({ state: 'error', error: { kind: 'config', message: CONVERSATION_BUSY } });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    held.open();
    await first.until(() => first.ended !== undefined);
    expect(first.text).toBe('First half, second half.');
    expect(first.ended?.outcome.state).toBe('complete');
    expect(fake.requests[0]?.clientDisconnected).toBe(false);
    const path = (await app.call('conversations:open', { id: conversation.id })).path;
    expect(path.map((m) => m.text)).toEqual(['one', 'First half, second half.']);

    fake.replyText('Now it may.');
    const third = open(app, request('three'));
    await third.until(() => third.ended !== undefined);
    expect(third.text).toBe('Now it may.');
  });

  it('deleting a conversation stops its reply at the provider, and Undo shows the text so far', async () => {
    const fake = await startFakeOpenAI();
    cleanup.push(() => fake.close());
    const app = await startService({ kind: 'openai', baseURL: fake.baseURL, model: 'gpt-test' });
    cleanup.push(() => app.close());
    const conversation = await app.call('conversations:create', { providerId: app.providerId, model: 'gpt-test' });
    const held = gate();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Kept so far'), held.step, openai.textChunk(' never sent'), openai.finishChunk('stop'), openai.done()]));
    const reply = open(app, { conversationId: conversation.id, providerId: app.providerId, model: 'gpt-test', action: { kind: 'send', text: 'one' } });
    await reply.until(() => reply.text === 'Kept so far');

    await app.call('conversations:delete', { id: conversation.id });
    await fake.waitForDisconnect(1);
    await reply.until(() => reply.ended !== undefined || reply.lost);
    held.open();

    await app.call('conversations:undoDelete', { id: conversation.id });
    const path = (await app.call('conversations:open', { id: conversation.id })).path;
    expect(path.map((m) => m.text)).toEqual(['one', 'Kept so far']);
  });
});
