// Where tool calls appear in a reply (text, the call, then the text written after its result, also
// after a reload), and one answer for several calls of one step that wait at once.
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { openaiToolReply, streamReply, type ScriptedCall } from '../support/fake-providers';
import { lastReply, send } from './support/app';
import { addLocalMcpServer, EVERYTHING_SERVER } from './support/mcp';
import { perTestApp } from './support/per-test';
import { screenshotDir, shootLayouts } from './support/screenshots';

const apps = perTestApp();
const shots = screenshotDir('tool-order');
const echo = (id: string, message: string): ScriptedCall => ({ id, name: 'echo', args: JSON.stringify({ message }) });

/** What the reply shows, top to bottom: its pieces of text and its tool calls. */
async function readingOrder(reply: Locator): Promise<string[]> {
  return reply.evaluate((article) =>
    [...article.querySelectorAll('.message-text, [data-testid="tool-call"]')].map((el) =>
      el.matches('.message-text') ? `text: ${el.textContent?.trim()}` : `call: ${el.getAttribute('aria-label')}`,
    ),
  );
}

async function withEverything() {
  const { page, fake } = await apps.withOpenAI();
  await addLocalMcpServer(page, 'Everything', process.execPath, [EVERYTHING_SERVER, 'stdio']);
  return { page, fake };
}

const done = (page: Page) => expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');

describe('tool calls in reading order', () => {
  it('text, a call, more text, another call, the answer: shown in that order, and again after a reload', async () => {
    const { page, fake } = await withEverything();
    fake.nextReply(streamReply(openaiToolReply([echo('call_1', 'one')], { text: 'First I echo one.' })));
    fake.nextReply(streamReply(openaiToolReply([{ ...echo('call_2', 'two'), name: 'get-sum', args: '{"a": 2, "b": 3}' }], { text: 'Now I add.' })));
    fake.replyText('Both done: one, and 5.');
    await send(page, 'Do two things');
    await lastReply(page).getByRole('group', { name: 'Run echo?' }).getByRole('button', { name: 'Allow once' }).click();
    await lastReply(page).getByRole('group', { name: 'Run get-sum?' }).getByRole('button', { name: 'Allow once' }).click();
    await done(page);
    const expected = ['text: First I echo one.', 'call: Tool call echo', 'text: Now I add.', 'call: Tool call get-sum', 'text: Both done: one, and 5.'];
    expect(await readingOrder(lastReply(page))).toEqual(expected);
    await shootLayouts(page, shots, 'reading-order', lastReply(page).getByRole('region', { name: 'Tool call get-sum' }));
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.reload();
    await page.getByRole('button', { name: 'Do two things' }).click();
    await lastReply(page).getByRole('region', { name: 'Tool call get-sum' }).waitFor();
    expect(await readingOrder(lastReply(page))).toEqual(expected);
  });
});

describe('several calls waiting at once', () => {
  it('Allow all (N) runs every waiting call; each keeps its own buttons too', async () => {
    const { page, fake } = await withEverything();
    fake.nextReply(streamReply(openaiToolReply([echo('call_a', 'alpha'), echo('call_b', 'beta'), echo('call_c', 'gamma')])));
    fake.replyText('All three echoed.');
    await send(page, 'Echo three');
    const all = lastReply(page).getByRole('group', { name: 'Decide all 3 waiting calls' });
    await all.waitFor({ timeout: 30_000 });
    expect(await lastReply(page).getByRole('button', { name: 'Allow once' }).count()).toBe(3);
    await shootLayouts(page, shots, 'allow-all', all);
    await page.setViewportSize({ width: 1280, height: 900 });

    // One decided by its own button: the others still wait, and "all" now counts two.
    await lastReply(page).getByRole('button', { name: 'Allow once' }).first().click();
    await lastReply(page).getByRole('group', { name: 'Decide all 2 waiting calls' }).getByRole('button', { name: 'Allow all (2)' }).click();
    await done(page);
    await expect.poll(() => lastReply(page).getByRole('group', { name: /^Decide all/ }).count()).toBe(0);
    const second = fake.requests.filter((r) => r.method === 'POST')[1]?.body as { messages: Array<{ role: string; content: string }> };
    expect(second.messages.filter((m) => m.role === 'tool').map((m) => m.content)).toEqual(['Echo: alpha', 'Echo: beta', 'Echo: gamma']);
  });

  it('Deny all denies every waiting call and tells the model so', async () => {
    const { page, fake } = await withEverything();
    fake.nextReply(streamReply(openaiToolReply([echo('call_a', 'alpha'), echo('call_b', 'beta')])));
    fake.replyText('Understood.');
    await send(page, 'Echo two');
    await lastReply(page).getByRole('group', { name: 'Decide all 2 waiting calls' }).getByRole('button', { name: 'Deny all' }).click();
    await done(page);
    const second = fake.requests.filter((r) => r.method === 'POST')[1]?.body as { messages: Array<{ role: string; content: string }> };
    expect(second.messages.filter((m) => m.role === 'tool').map((m) => m.content)).toEqual(['Error: The user denied this call.', 'Error: The user denied this call.']);
    expect(await lastReply(page).getByText('Not run: The user denied this call.').count()).toBe(2);
  });
});
