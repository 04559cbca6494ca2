// A provider that never ends: the reply stops at the size cap from Settings with a clear message,
// the request is aborted, and main keeps (and saves) exactly the cap, not a character more.
import { afterEach, describe, expect, it } from 'vitest';
import { endlessReply, openai, startFakeOpenAI, type FakeOpenAI } from '../../support/fake-providers';
import { startService, type TestService } from '../attachments/service';

let fake: FakeOpenAI | undefined;
let app: TestService | undefined;
afterEach(async () => {
  app?.close();
  await fake?.close();
});

describe('reply size cap', () => {
  it('stops a never-ending reply at the cap set in Settings and keeps exactly that much', { timeout: 60_000 }, async () => {
    fake = await startFakeOpenAI();
    const started = await startService({ kind: 'openai', baseURL: fake.baseURL, model: 'gpt-endless' });
    app = started;
    expect((await started.call('settings:get', undefined)).maxReplyMB).toBe(10);
    await started.call('settings:save', { maxReplyMB: 1 });
    fake.nextReply(endlessReply([openai.roleChunk(), openai.textChunk('endless '.repeat(2_000))]));

    const conversation = await started.call('conversations:create', { providerId: started.providerId, model: 'gpt-endless' });
    const reply = await started.reply(conversation.id, { kind: 'send', text: 'Never stop.', attachments: [] });

    expect(reply.ended?.outcome).toMatchObject({
      state: 'error',
      error: { kind: 'too_long', message: 'The reply passed 1 MB of text, the longest allowed (Settings), so it was stopped. The text so far is kept.' },
    });
    expect(reply.text.length).toBe(1_000_000);
    await fake.requests[0]?.disconnected;
    const opened = await started.call('conversations:open', { id: conversation.id });
    const saved = opened.path.at(-1);
    expect(saved?.text.length).toBe(1_000_000);
    expect(saved?.error?.kind).toBe('too_long');
  });

  it('refuses a cap outside 1–200 MB', async () => {
    fake = await startFakeOpenAI();
    app = await startService({ kind: 'openai', baseURL: fake.baseURL, model: 'gpt-endless' });
    await expect(app.call('settings:save', { maxReplyMB: 0 })).rejects.toThrow('The longest reply must be between 1 and 200 MB of text.');
  });
});
