// A notice about a reply's tools as a whole (the step limit) is stored with the reply: it is
// there when the conversation is opened again, and in the exports.
import { describe, expect, it } from 'vitest';
import { openaiToolReply, streamReply } from '../../support/fake-providers';
import { takeExport } from '../../support/exported-file';
import { useToolService } from './tool-service';

const setUp = useToolService();

describe('tool notices', () => {
  it('the step-limit notice is stored with the reply and exported', { timeout: 60_000 }, async () => {
    const { app, fake, conversationId } = await setUp('openai');
    // The model calls the tool at every step, forever.
    fake.setDefaultReply(streamReply(openaiToolReply([{ id: 'call_add', name: 'add', args: '{"a": 1, "b": 1}' }])));
    await app.reply(conversationId, { kind: 'send', text: 'Keep adding', attachments: [] });

    const notice = expect.stringMatching(/^Stopped after 10 tool steps in one reply/);
    const opened = await app.call('conversations:open', { id: conversationId });
    expect(opened.path.at(-1)?.toolNotices).toEqual([notice]);
    const markdown = takeExport(app.service, await app.call('export:conversation', { id: conversationId, format: 'markdown' }));
    expect(markdown.content).toMatch(/^> Stopped after 10 tool steps in one reply/m);
  });
});
