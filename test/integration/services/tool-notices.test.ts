// A notice about a reply's tools as a whole (the step limit) is stored with the reply: it is
// there when the conversation is opened again, and in the exports.
import { afterEach, describe, expect, it } from 'vitest';
import { openaiToolReply, startFakeOpenAI, streamReply, type FakeOpenAI } from '../../support/fake-providers';
import { startHttpMcp, type FakeHttpMcp } from '../../support/mcp/http-server';
import { startService, type TestService } from '../attachments/service';

const TOKEN = 'bearer-notices-0123456789';
let fake: FakeOpenAI | undefined;
let mcp: FakeHttpMcp | undefined;
let app: TestService | undefined;
afterEach(async () => {
  app?.close();
  await fake?.close();
  await mcp?.close();
});

describe('tool notices', () => {
  it('the step-limit notice is stored with the reply and exported', { timeout: 60_000 }, async () => {
    fake = await startFakeOpenAI();
    mcp = await startHttpMcp(TOKEN);
    const started = await startService({ kind: 'openai', baseURL: fake.baseURL, model: 'fake-tools' });
    app = started;
    const server = await started.call('mcp:save', { name: 'calc', enabled: true, transport: 'http', url: mcp.url, bearerToken: TOKEN });
    await started.call('mcp:setTool', { id: server.id, tool: 'add', policy: 'allow' });
    // The model calls the tool at every step, forever.
    fake.setDefaultReply(streamReply(openaiToolReply([{ id: 'call_add', name: 'add', args: '{"a": 1, "b": 1}' }])));
    const conversation = await started.call('conversations:create', { providerId: started.providerId, model: 'fake-tools' });
    await started.reply(conversation.id, { kind: 'send', text: 'Keep adding', attachments: [] });

    const notice = 'Stopped after 10 tool steps in one reply (the limit in Settings). Send a message to let the model go on.';
    const opened = await started.call('conversations:open', { id: conversation.id });
    expect(opened.path.at(-1)?.toolNotices).toEqual([notice]);
    const markdown = await started.call('export:conversation', { id: conversation.id, format: 'markdown' });
    expect(markdown.content).toContain(`> ${notice}`);
  });
});
