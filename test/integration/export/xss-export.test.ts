// The XSS corpus the window is tested with, through the HTML export: every payload as a reply
// (and as reasoning), the file opened in Chromium. Nothing runs, no dangerous element or URL is
// left in the page, and each payload's neighbours still show.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { exportConversation } from '../../../src/main/store/export/index.ts';
import { XSS_PAYLOADS } from '../../unit/markdown/xss-corpus.ts';
import { DONE, tempStore } from '../../support/store/temp-store.ts';

const t = tempStore();
afterAll(() => t.done());

describe('XSS corpus through the HTML export', () => {
  it(`runs none of ${XSS_PAYLOADS.length} payloads and leaves no script, handler or unsafe URL`, { timeout: 60_000 }, async () => {
    const c = t.store.conversations.create({ title: 'Hostile <script>alert(1)</script>' });
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      t.store.messages.appendUser(c.id, `payload ${i}`);
      t.store.messages.beginAssistant(c.id, { providerId: 'p', model: 'm' }).finish(DONE, `Before ${i}\n\n${payload}\n\nAfter ${i}`, payload);
    }
    const file = exportConversation(t.store, c.id, 'html');
    const path = join(t.dir.dir, 'hostile.html');
    writeFileSync(path, file.content);

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const events: string[] = [];
      page.on('dialog', (d) => {
        events.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) events.push(`request: ${r.url()}`);
      });
      await page.goto(pathToFileURL(path).href);
      // Open every folded reasoning too: <details> content must be inert as well.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const found = await page.evaluate(() => {
        const bad: string[] = [];
        const allowedTask = (el: Element) => el.tagName === 'INPUT' && el.getAttribute('type') === 'checkbox' && el.hasAttribute('disabled');
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const tag = el.tagName.toLowerCase();
          if (['script', 'iframe', 'object', 'embed', 'form', 'base', 'link', 'meta', 'video', 'audio', 'frame', 'noscript'].includes(tag)) bad.push(`<${tag}>`);
          if (tag === 'input' && !allowedTask(el)) bad.push('<input>');
          for (const a of Array.from(el.attributes)) {
            if (a.name.startsWith('on')) bad.push(`${tag}[${a.name}]`);
            if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster'].includes(a.name) && !/^(https?:|mailto:|#|data:image\/)/i.test(a.value.trim())) bad.push(`${tag}[${a.name}=${a.value}]`);
          }
        }
        return { bad, scripts: document.scripts.length, text: document.body.innerText };
      });
      expect(found.bad).toEqual([]);
      expect(found.scripts).toBe(0);
      expect(events).toEqual([]);
      for (let i = 0; i < XSS_PAYLOADS.length; i++) expect(found.text).toContain(`After ${i}`);
    } finally {
      await browser.close();
    }
  });
});
