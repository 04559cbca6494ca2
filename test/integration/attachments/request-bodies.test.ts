// What each provider receives for a message with files, asserted on the exact JSON the official
// SDKs sent to fake servers: OpenAI image_url parts with data: URLs and inlined text files,
// Anthropic image and document blocks. Also: files travel again with later turns and edits.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAnthropic, startFakeOpenAI } from '../../support/fake-providers';
import { b64, makePdf, makePng } from '../../support/attachments/files';
import { startService, type TestService } from './service';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(kind: 'openai' | 'anthropic', model: string) {
  const fake = kind === 'openai' ? await startFakeOpenAI() : await startFakeAnthropic();
  const app = await startService({ kind, baseURL: fake.baseURL, model });
  cleanups.push(() => fake.close(), () => app.close());
  const { id } = await app.call('conversations:create', { providerId: app.providerId, model });
  /** The `messages` of the i-th request the provider received. */
  const sent = (i: number) => (fake.requests[i]?.body as { messages?: unknown } | undefined)?.messages;
  return { fake, app, conversationId: id, sent };
}
const openaiSetup = (model = 'gpt-4o') => setup('openai', model);
const anthropicSetup = () => setup('anthropic', 'claude-vision-test');

const png = makePng(40, 30);
const code = 'export const answer = 42;\n';
const codeFile = { name: 'answer.ts', data: Buffer.from(code).toString('base64') };

async function expectComplete(app: TestService, conversationId: string, action: Parameters<TestService['reply']>[1], to?: Parameters<TestService['reply']>[2]) {
  const consumer = await app.reply(conversationId, action, to);
  expect(consumer.ended?.outcome.error).toBeUndefined();
  expect(consumer.ended?.outcome.state).toBe('complete');
  return consumer;
}

describe('OpenAI Chat Completions', () => {
  it('sends images as image_url parts with a data: URL and inlines text files as a named fence', async () => {
    const { fake, app, conversationId, sent } = await openaiSetup();
    await expectComplete(app, conversationId, {
      kind: 'send',
      text: 'What do these show?',
      attachments: [{ name: 'chart.png', data: b64(png) }, codeFile],
    });
    expect(sent(0)).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${b64(png)}`, detail: 'high' } },
          { type: 'text', text: 'File: answer.ts\n```ts\nexport const answer = 42;\n```\n\nWhat do these show?' },
        ],
      },
    ]);
  });

  it('keeps a plain string content when only text files are attached, so any compatible server reads it', async () => {
    const { fake, app, conversationId, sent } = await openaiSetup('llama3.1');
    const fenced = 'Use ```js fences``` like this';
    await expectComplete(app, conversationId, {
      kind: 'send',
      text: '',
      attachments: [{ name: 'README', data: Buffer.from(fenced).toString('base64') }],
    });
    // The file itself holds a ``` run, so the fence around it is longer.
    expect(sent(0)).toEqual([{ role: 'user', content: `File: README\n\`\`\`\`\n${fenced}\n\`\`\`\`` }]);
  });

  it('refuses a PDF with a clear message and sends nothing', async () => {
    const { fake, app, conversationId, sent } = await openaiSetup();
    const consumer = await app.reply(conversationId, { kind: 'send', text: 'Summarise', attachments: [{ name: 'report.pdf', data: b64(makePdf()) }] });
    expect(consumer.ended?.outcome.state).toBe('error');
    expect(consumer.ended?.outcome.error?.message).toMatch(/“report\.pdf” is a PDF, and Plume sends PDFs only to Anthropic models/);
    expect(fake.requests).toHaveLength(0);
  });

  it('sends the image again with the next turn, and an edit keeps it; the bytes are stored once', async () => {
    const { fake, app, conversationId, sent } = await openaiSetup();
    fake.replyText('A gradient.');
    await expectComplete(app, conversationId, { kind: 'send', text: 'What is it?', attachments: [{ name: 'a.png', data: b64(png) }] });
    await expectComplete(app, conversationId, { kind: 'send', text: 'Same picture again', attachments: [{ name: 'copy.png', data: b64(png) }] });
    const image = { type: 'image_url', image_url: { url: `data:image/png;base64,${b64(png)}`, detail: 'high' } };
    expect(sent(1)).toEqual([
      { role: 'user', content: [image, { type: 'text', text: 'What is it?' }] },
      { role: 'assistant', content: 'A gradient.' },
      { role: 'user', content: [image, { type: 'text', text: 'Same picture again' }] },
    ]);
    expect(app.service.store.attachments.blobCount()).toBe(1);

    const path = (await app.call('conversations:open', { id: conversationId })).path;
    const first = path[0];
    expect(first?.attachments).toEqual([
      expect.objectContaining({ name: 'a.png', kind: 'image', mimeType: 'image/png', width: 40, height: 30, size: png.length }),
    ]);
    await expectComplete(app, conversationId, { kind: 'edit', messageId: first?.id ?? '', text: 'Describe the colours' });
    expect(sent(2)).toEqual([{ role: 'user', content: [image, { type: 'text', text: 'Describe the colours' }] }]);
  });
});

describe('Anthropic Messages', () => {
  it('sends images as base64 image blocks and PDFs as document blocks, before the text', async () => {
    const { fake, app, conversationId, sent } = await anthropicSetup();
    const pdf = makePdf();
    await expectComplete(app, conversationId, {
      kind: 'send',
      text: 'Compare them',
      attachments: [{ name: 'chart.png', data: b64(png) }, { name: 'report.pdf', data: b64(pdf) }, codeFile],
    });
    expect(sent(0)).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: b64(png) } },
          { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: b64(pdf) }, title: 'report.pdf' },
          { type: 'text', text: 'File: answer.ts\n```ts\nexport const answer = 42;\n```\n\nCompare them' },
        ],
      },
    ]);
  });

  it('a PDF sent earlier becomes a note when the conversation moves to an OpenAI model, instead of blocking it', async () => {
    const { app, conversationId } = await anthropicSetup();
    const openaiFake = await startFakeOpenAI();
    cleanups.push(() => openaiFake.close());
    const other = await app.call('providers:save', { name: 'OpenAI', kind: 'openai', baseURL: openaiFake.baseURL, model: 'gpt-4o', apiKey: 'sk-other-0123456789' });
    await expectComplete(app, conversationId, { kind: 'send', text: 'Read this', attachments: [{ name: 'spec.pdf', data: b64(makePdf()) }] });
    await expectComplete(app, conversationId, { kind: 'send', text: 'Summarise it' }, { providerId: other.provider.id, model: 'gpt-4o' });
    expect((openaiFake.requests[0]?.body as { messages: unknown }).messages).toEqual([
      { role: 'user', content: '[The PDF “spec.pdf” was attached here; it is not sent to this provider.]\n\nRead this' },
      { role: 'assistant', content: 'Hello from the fake server.' },
      { role: 'user', content: 'Summarise it' },
    ]);
  });

  it('sends a picture with no text as a lone image block (the API refuses empty text blocks)', async () => {
    const { fake, app, conversationId, sent } = await anthropicSetup();
    await expectComplete(app, conversationId, { kind: 'send', text: '  ', attachments: [{ name: 'a.png', data: b64(png) }] });
    expect(sent(0)).toEqual([
      { role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: b64(png) } }] },
    ]);
  });
});
