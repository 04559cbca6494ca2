// Attachments end to end in browser mode: files come in by the picker, paste and drop, show as
// chips, go to the fake providers in their native shapes (large images shrunk to the provider's
// size, checked by reading the header of what the server received), bad files are refused with
// the composer left as it was, and an image survives a Plume JSON export and import.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../src/main/attachments/image-size';
import { startFakeAnthropic, startFakeOpenAI, type FakeAnthropic, type FakeOpenAI } from '../support/fake-providers';
import { b64, makeBinary, makePdf, makePng } from '../support/attachments/files';
import { addProvider, exportFrom, lastReply, type RunningApp } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();

type Fake = FakeOpenAI | FakeAnthropic;
type SentMessage = { role: string; content: unknown };
const sentMessages = (fake: Fake, i = -1) => (fake.requests.at(i)?.body as { messages: SentMessage[] }).messages;
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const chips = (page: Page) => page.getByTestId('attachment-chip');
const settled = (page: Page) => expect.poll(() => lastReply(page).getAttribute('data-state')).toMatch(/complete|error/);

async function withAnthropic(model = 'claude-sonnet-4-5-e2e') {
  const fake = apps.track(await startFakeAnthropic());
  const app = await apps.start();
  await addProvider(app.page, { kind: 'anthropic', baseURL: fake.baseURL, apiKey: 'sk-ant-e2e-0123456789', model });
  return { app, page: app.page, fake };
}

/** Picks files through the real file chooser the "Attach files" button opens. */
async function pick(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles(files);
}

/** Fires a real paste event whose clipboard holds `files` (made in the page from base64). */
async function paste(page: Page, files: Array<{ name: string; type: string; base64: string }>) {
  await composer(page).evaluate((target, list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, files);
}

/** Drags files made in the page onto the composer: dragenter, dragover, drop, as a person would. */
async function drop(page: Page, makeFiles: string) {
  const data = await page.evaluateHandle(async (source) => {
    const files = (await (0, eval)(source)()) as File[];
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    return transfer;
  }, makeFiles);
  const form = page.locator('form.composer');
  await form.dispatchEvent('dragenter', { dataTransfer: data });
  await form.dispatchEvent('dragover', { dataTransfer: data });
  await form.dispatchEvent('drop', { dataTransfer: data });
}

async function sendNow(page: Page, text: string) {
  await composer(page).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await settled(page);
}

const smallPng = makePng(40, 30);

describe('attachments in browser mode', () => {
  it('file picker: chips with name, size and preview, one removed, the rest sent as image_url and an inlined file, shown in history after a reload', async () => {
    const { page, fake } = await apps.withOpenAI({});
    await pick(page, [
      { name: 'dot.png', mimeType: 'image/png', buffer: smallPng },
      { name: 'notes.py', mimeType: 'text/x-python', buffer: Buffer.from('print("hi")\n') },
      { name: 'extra.txt', mimeType: 'text/plain', buffer: Buffer.from('drop me') },
    ]);
    await expect.poll(() => chips(page).count()).toBe(3);
    const image = chips(page).filter({ hasText: 'dot.png' });
    expect(await image.textContent()).toContain('40×30');
    await expect.poll(() => image.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.getByRole('button', { name: 'Remove extra.txt' }).click();
    await expect.poll(() => chips(page).count()).toBe(2);

    // gpt-e2e is no known vision model: the warning is there before sending, with Send anyway.
    await expect.poll(() => page.getByTestId('vision-warning').textContent()).toContain('“gpt-e2e” may not be able to see images.');
    await composer(page).fill('What is in these?');
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await settled(page);
    expect(sentMessages(fake)).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${b64(smallPng)}`, detail: 'high' } },
          { type: 'text', text: 'File: notes.py\n```py\nprint("hi")\n```\n\nWhat is in these?' },
        ],
      },
    ]);
    expect(await chips(page).count()).toBe(0);
    expect(await composer(page).inputValue()).toBe('');

    await page.reload();
    await page.getByRole('button', { name: 'What is in these?' }).click();
    const shown = page.getByTestId('message-user').getByTestId('message-attachment');
    await expect.poll(() => shown.count()).toBe(2);
    await expect.poll(() => page.getByRole('img', { name: 'dot.png' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await shown.filter({ hasText: 'notes.py' }).textContent()).toContain('12 B');
  });

  it('paste and drop add files; a large image goes to Anthropic with its long edge at 1568 px', async () => {
    const { page, fake } = await withAnthropic();
    const big = makePng(3000, 2000);
    await paste(page, [{ name: 'screenshot.png', type: 'image/png', base64: b64(big) }]);
    await expect.poll(() => chips(page).filter({ hasText: 'screenshot.png' }).textContent()).toContain('3000×2000');
    await drop(page, `async () => [new File(['# Plan\\n- ship it\\n'], 'plan.md', { type: 'text/markdown' })]`);
    await expect.poll(() => chips(page).count()).toBe(2);
    expect(await page.getByTestId('vision-warning').count()).toBe(0); // a Claude model sees images

    await sendNow(page, 'Review please');
    const [message] = sentMessages(fake);
    const blocks = message?.content as Array<{ type: string; source?: { media_type: string; data: string }; text?: string }>;
    expect(blocks.map((b) => b.type)).toEqual(['image', 'text']);
    expect(blocks[0]?.source?.media_type).toBe('image/png');
    expect(imageSize(Buffer.from(blocks[0]?.source?.data ?? '', 'base64'), 'image/png')).toEqual({ width: 1568, height: 1045 });
    expect(blocks[1]?.text).toBe('File: plan.md\n```md\n# Plan\n- ship it\n```\n\nReview please');
    await expect.poll(() => page.getByTestId('message-attachment').first().textContent()).toContain('1568×1045');
  });

  it('a large JPEG goes to OpenAI fitted for high detail (short side 768 px), still a JPEG', async () => {
    const { page, fake } = await apps.withOpenAI({});
    await drop(
      page,
      `async () => {
        const canvas = new OffscreenCanvas(4000, 3000);
        const context = canvas.getContext('2d');
        context.fillStyle = '#3a7'; context.fillRect(0, 0, 4000, 3000);
        context.fillStyle = '#fff'; context.fillRect(1000, 1000, 2000, 1000);
        return [new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })], 'photo.jpg', { type: 'image/jpeg' })];
      }`,
    );
    await expect.poll(() => chips(page).textContent()).toContain('4000×3000');
    await composer(page).fill('Describe');
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await settled(page);
    const parts = sentMessages(fake)[0]?.content as Array<{ type: string; image_url?: { url: string } }>;
    const url = parts[0]?.image_url?.url ?? '';
    expect(url.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(imageSize(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'), 'image/jpeg')).toEqual({ width: 1024, height: 768 });
  });

  it('refuses oversize and unsupported files, and a PDF for OpenAI, with clear messages; the text and other chips stay', async () => {
    const { page, fake } = await apps.withOpenAI({});
    await composer(page).fill('Keep this draft');
    await pick(page, [{ name: 'ok.txt', mimeType: 'text/plain', buffer: Buffer.from('fine') }]);
    await expect.poll(() => chips(page).count()).toBe(1);

    await pick(page, [{ name: 'huge.log', mimeType: 'text/plain', buffer: Buffer.alloc(600 * 1024, 'a') }]);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('“huge.log” is too large (600 KB): a text file can be at most 512 KB.');
    await pick(page, [{ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: makeBinary() }]);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(
      '“tool.exe” can’t be attached: only images (PNG, JPEG, WebP, GIF), PDFs, and text or code files are supported.',
    );
    expect(await chips(page).count()).toBe(1);
    expect(await composer(page).inputValue()).toBe('Keep this draft');

    await pick(page, [{ name: 'report.pdf', mimeType: 'application/pdf', buffer: makePdf() }]);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(
      '“report.pdf” is a PDF: Plume sends PDFs only to Anthropic models. Remove it or switch to an Anthropic provider.',
    );
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/only to Anthropic models/);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(await composer(page).inputValue()).toBe('Keep this draft');
    await page.getByRole('button', { name: 'Remove report.pdf' }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await settled(page);
    expect(sentMessages(fake)).toEqual([{ role: 'user', content: 'File: ok.txt\n```txt\nfine\n```\n\nKeep this draft' }]);
  });

  it('offers to switch a non-vision model to one of the provider’s vision models, then sends there', async () => {
    // The list is set before the provider is added: main caches a provider's models.
    const fake = apps.track(await startFakeOpenAI());
    fake.setModels(['gpt-e2e', 'gpt-4o-mini', 'text-embedding-3-small']);
    const { page } = await apps.start();
    await addProvider(page, { baseURL: fake.baseURL, apiKey: 'sk-e2e-0123456789', model: 'gpt-e2e' });
    await paste(page, [{ name: 'dot.png', type: 'image/png', base64: b64(smallPng) }]);
    await composer(page).fill('What colour?');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // One warning, in one place: the one above the chips now says what to do.
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^“gpt-e2e” may not be able to see images\. Switch to a vision model, or choose Send anyway\.Switch to gpt-4o-mini/);
    expect(await page.getByText(/see images/).count()).toBe(1);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await page.getByRole('button', { name: 'Switch to gpt-4o-mini' }).click();
    await expect.poll(() => page.getByTestId('vision-warning').count()).toBe(0);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await settled(page);
    expect(fake.requests.at(-1)?.body).toMatchObject({ model: 'gpt-4o-mini' });
  });

  it('an image and a PDF sent to Anthropic survive a Plume JSON export and import into a fresh app', async () => {
    const { page, fake } = await withAnthropic();
    const pdf = makePdf();
    await pick(page, [
      { name: 'dot.png', mimeType: 'image/png', buffer: smallPng },
      { name: 'spec.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    await expect.poll(() => chips(page).count()).toBe(2);
    await sendNow(page, 'Keep these files');
    expect((sentMessages(fake)[0]?.content as Array<{ type: string }>).map((b) => b.type)).toEqual(['image', 'document', 'text']);

    const download = page.waitForEvent('download');
    await exportFrom(page, 'chat', 'JSON (lossless)');
    const file = await (await download).path();
    const doc = JSON.parse(await readFile(file, 'utf8'));
    expect(doc.version).toBe(2);
    expect(doc.conversations[0].messages[0].attachments.map((a: { name: string; data: string }) => [a.name, a.data])).toEqual([
      ['dot.png', b64(smallPng)],
      ['spec.pdf', b64(pdf)],
    ]);

    const other: RunningApp = await apps.start();
    await addProvider(other.page, { kind: 'anthropic', baseURL: fake.baseURL, model: 'claude-sonnet-4-5-e2e' });
    await other.page.getByLabel('Import conversations file').setInputFiles(file);
    await expect.poll(() => other.page.getByRole('status').first().textContent()).toMatch(/Imported 1 conversation/);
    await other.page.getByRole('button', { name: 'Keep these files' }).click();
    // The stored preview came along: dot.png is under the 160 px preview size, so it keeps its 40 px.
    await expect.poll(() => other.page.getByRole('img', { name: 'dot.png' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);
    expect(await other.page.getByTestId('message-attachment').filter({ hasText: 'spec.pdf' }).count()).toBe(1);

    // The imported files go to the model again with the next turn.
    await sendNow(other.page, 'And now?');
    expect((sentMessages(fake)[0]?.content as Array<{ type: string }>).map((b) => b.type)).toEqual(['image', 'document', 'text']);
  });
});

