// Streaming markdown through the whole app: what the reader sees when a reply finishes is what
// a reopened conversation shows, Copy gives the source, the view follows the stream only while
// the reader is at the bottom, and hostile model output stays inert.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../bench/render/fixtures';
import { XSS_PAYLOADS } from '../unit/markdown/xss-corpus';
import { lastReply, type RunningApp, send } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();
const ready = () => apps.withOpenAI({ apiKey: 'sk-md-0123456789' });

type Page = RunningApp['page'];
const complete = (page: Page) => expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');

/**
 * The reply's rendered HTML once lazy work (highlighting, KaTeX) has stopped changing it. The
 * groups blocks are held in (boxes skipped off screen, no content) are unwrapped: a streamed reply
 * was split into blocks as it arrived (a burst of blocks in one update becomes one block), so its
 * groups can break at other blocks than a reopened reply's.
 */
async function settledHtml(page: Page): Promise<string> {
  let previous = '';
  for (;;) {
    const html = await lastReply(page)
      .locator('.message-text')
      .evaluate((el) => {
        const clone = el.cloneNode(true) as HTMLElement;
        for (const group of clone.querySelectorAll('.md-message > .md-group')) group.replaceWith(...group.childNodes);
        return clone.innerHTML;
      });
    if (html === previous) return html;
    previous = html;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 150))));
  }
}

describe('streaming markdown in the app', () => {
  for (const name of ['mixed-10k', 'refs-at-end', 'footnotes', 'table-60-rows']) {
    it(`${name}: the DOM at the end of the stream equals the reopened conversation's`, async () => {
      const { page, fake } = await ready();
      const text = fixture(name);
      fake.replyText(text, { tokens: Math.ceil(text.length / 24), everyMs: 1 });
      await send(page, `Show me ${name}`);
      await complete(page);
      const streamed = await settledHtml(page);
      await page.reload();
      await page.getByRole('button', { name: `Show me ${name}` }).click();
      await complete(page);
      // Blocks rendered one by one have no "\n" text nodes between them; nothing else may differ.
      const structure = (html: string) => html.replace(/>\s+</g, '><');
      expect(structure(await settledHtml(page))).toBe(structure(streamed));
    });
  }

  it('Copy puts the markdown source on the clipboard', async () => {
    const { app, page, fake } = await ready();
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin });
    const text = '# Title\n\nSome **bold** text and `code`.\n\n```js\nconsole.log(1)\n```\n';
    fake.replyText(text, { tokens: 8 });
    await send(page, 'Copy test');
    await complete(page);
    await lastReply(page).getByRole('button', { name: 'Copy message to clipboard' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await lastReply(page).getByRole('button', { name: 'Raw markdown' }).click();
    expect(await lastReply(page).locator('.message-text').textContent()).toBe(text);
  });

  it('follows the stream at the bottom, stops when the reader scrolls up, and does not jump at the end', async () => {
    const { page, fake } = await ready();
    const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i}: ${'words flow by '.repeat(12)}\n\n`).join('');
    fake.replyText(paragraphs, { tokens: 160, everyMs: 25 });
    await send(page, 'A long answer please');
    const list = page.getByRole('log', { name: 'Conversation' });
    const gap = () => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    await expect.poll(() => list.evaluate((el) => el.scrollHeight > el.clientHeight * 2), { timeout: 20_000 }).toBe(true);
    // Following: the view stays at the bottom while text arrives.
    expect(await gap()).toBeLessThan(40);
    await list.hover();
    await page.mouse.wheel(0, -600);
    await expect.poll(() => gap()).toBeGreaterThan(300);
    const readingAt = await list.evaluate((el) => el.scrollTop);
    await complete(page);
    await settledHtml(page);
    expect(await list.evaluate((el) => el.scrollTop)).toBe(readingAt);
  });

  it('a remote image shows a placeholder, loads only on click, and the page never contacts its host', async () => {
    const { app, page, fake } = await ready();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const hits: string[] = [];
    const images = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    });
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(images.address() as AddressInfo).port}/dot.png`;
      fake.replyText(`Here is a dot:\n\n![a dot](${url})\n`, { tokens: 6 });
      await send(page, 'Show me a picture');
      await complete(page);
      const placeholder = lastReply(page).getByRole('button', { name: /Image: a dot — click to load/ });
      expect(await placeholder.count()).toBe(1);
      expect(hits).toEqual([]);
      await placeholder.click();
      const img = lastReply(page).locator('img[alt="a dot"]');
      await expect.poll(() => img.getAttribute('src')).toBe(`data:image/png;base64,${png.toString('base64')}`);
      expect(hits).toEqual(['/dot.png']);
      expect(app.foreignRequests).toEqual([]);
    } finally {
      await new Promise((resolve) => images.close(resolve));
    }
  });

  it(`${XSS_PAYLOADS.length} hostile payloads streamed as a reply run nothing`, async () => {
    const { app, page, fake } = await ready();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.evaluate(() => {
      (window as unknown as { __pwned: number }).__pwned = 0;
    });
    const text = XSS_PAYLOADS.join('\n\n');
    fake.replyText(text, { tokens: 200, everyMs: 1 });
    await send(page, 'Show me something nasty');
    await complete(page);
    await settledHtml(page);
    const reply = lastReply(page).locator('.message-text');
    // Click every link the reply rendered: none may navigate or run script.
    for (const link of await reply.locator('a').all()) await link.click({ modifiers: [] }).catch(() => {});
    expect(dialogs).toEqual([]);
    expect(await reply.locator('script, iframe, object, embed, form, base, meta, style').count()).toBe(0);
    const hrefs = await reply.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|#)/i);
    expect(page.url()).toBe(`${app.host.origin}/`);
  });
});
