// The provider setting for models that write <think> on purpose: saved, shown, kept across saves
// that do not mention it, and obeyed by the next reply.
import { afterEach, describe, expect, it } from 'vitest';
import { openai, startFakeOpenAI, streamReply, type FakeOpenAI } from '../../support/fake-providers';
import { startService, type TestService } from '../attachments/service';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

const THINKING_REPLY = () => streamReply([openai.textChunk('<think>Hmm.</think>'), openai.textChunk('Answer.'), openai.finishChunk(), openai.done()]);

async function setup(): Promise<{ fake: FakeOpenAI; app: TestService & { providerId: string } }> {
  const fake = await startFakeOpenAI();
  open.push(fake);
  const app = await startService({ kind: 'openai', baseURL: fake.baseURL, model: 'qwen3' });
  open.push(app);
  return { fake, app };
}

describe('reading <think> tags, per provider', () => {
  it('is on by default: the tag becomes reasoning', async () => {
    const { fake, app } = await setup();
    fake.nextReply(THINKING_REPLY());
    const conversation = await app.call('conversations:create', { providerId: app.providerId, model: 'qwen3' });
    const reply = await app.reply(conversation.id, { kind: 'send', text: 'Hi' });
    expect(reply).toMatchObject({ reasoning: 'Hmm.', text: 'Answer.' });
  });

  it('turned off, the tags stay in the answer; saving other changes keeps it off', async () => {
    const { fake, app } = await setup();
    const base = { id: app.providerId, name: 'Fake', kind: 'openai' as const, baseURL: fake.baseURL, model: 'qwen3' };
    expect((await app.call('providers:save', { ...base, readThinkTags: false })).provider.readThinkTags).toBe(false);
    expect((await app.call('providers:save', { ...base, name: 'Renamed' })).provider.readThinkTags).toBe(false);

    fake.nextReply(THINKING_REPLY());
    const conversation = await app.call('conversations:create', { providerId: app.providerId, model: 'qwen3' });
    const reply = await app.reply(conversation.id, { kind: 'send', text: 'Hi' });
    expect(reply).toMatchObject({ reasoning: '', text: '<think>Hmm.</think>Answer.' });

    expect((await app.call('providers:save', { ...base, readThinkTags: true })).provider).not.toHaveProperty('readThinkTags');
  });
});
