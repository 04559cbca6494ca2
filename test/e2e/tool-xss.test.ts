// Tool output is untrusted: the XSS corpus coming back from a real MCP server (text, an embedded
// resource shown as JSON, JSON text) and going out in the model's arguments runs nothing in
// Chromium: no dialog, no request leaving the page's host, no live element or handler.
import { describe, expect, it } from 'vitest';
import { openaiToolReply, streamReply } from '../support/fake-providers';
import { XSS_PAYLOADS } from '../unit/markdown/xss-corpus';
import { lastReply, send } from './support/app';
import { addLocalMcpServer } from './support/mcp';
import { perTestApp } from './support/per-test';
import { screenshotDir, shootLayouts } from './support/screenshots';

const apps = perTestApp();
const shots = screenshotDir('tool-xss');
const HOSTILE_SERVER = new URL('../support/mcp/hostile-server.mjs', import.meta.url).pathname;
/** What a tool call and its result may be drawn with: text and data, nothing live. */
const SHOWN_AS_DATA = new Set(['DIV', 'SECTION', 'HEADER', 'SPAN', 'BUTTON', 'PRE', 'P', 'DL', 'DT', 'DD', 'OL', 'LI', 'DETAILS', 'SUMMARY', 'STRONG', 'CODE', 'INPUT']);

describe('the XSS corpus through a tool', () => {
  it(`${XSS_PAYLOADS.length} payloads in a tool's result and in the model's arguments run nothing`, async () => {
    const { app, page, fake } = await apps.withOpenAI();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await addLocalMcpServer(page, 'Hostile', process.execPath, [HOSTILE_SERVER]);
    fake.nextReply(streamReply(openaiToolReply([{ id: 'call_x', name: 'fetch_page', args: JSON.stringify({ url: XSS_PAYLOADS.join('\n') }) }], { text: 'Fetching. ' })));
    fake.replyText('Fetched.');
    await send(page, 'Fetch the nasty page');
    const call = page.getByRole('region', { name: 'Tool call fetch_page' });
    await call.getByRole('group', { name: 'Run fetch_page?' }).getByRole('button', { name: 'Allow once' }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    await call.getByText('Result', { exact: true }).click();
    const result = call.getByLabel('Tool result');
    await result.waitFor();

    // Shown, as text: every payload is readable in the result.
    const shown = (await result.textContent()) ?? '';
    for (const payload of XSS_PAYLOADS) expect(shown).toContain(payload.split('\n')[0]);
    // The raw arguments too.
    await call.getByRole('button', { name: 'Raw JSON' }).click();
    expect(await call.getByLabel('Raw arguments').textContent()).toContain('<script>alert(1)</script>');

    // Nothing became live: only data elements, no handler attributes, no links, images or frames.
    const found = await call.evaluate((section) => {
      const all = [section, ...section.querySelectorAll('*')];
      return {
        tags: [...new Set(all.map((el) => el.tagName))],
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`)),
      };
    });
    expect(found.tags.filter((tag) => !SHOWN_AS_DATA.has(tag))).toEqual([]);
    expect(found.handlers).toEqual([]);
    await shootLayouts(page, shots, 'result', result);
    expect(dialogs).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(page.url()).toBe(`${app.host.origin}/`);
  });
});
