// Stored messages the window must survive: a damaged row (a field of the wrong type) shows as
// "could not be displayed" with its raw text instead of blanking the window, and one unbroken
// megabyte-long word displays (its speed is measured by `npm run bench:render`, not here).
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endlessReply, openai } from '../support/fake-providers';
import { lastReply, send, type RunningApp } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();
const settled = (page: RunningApp['page']) =>
  expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toMatch(/complete|stopped|error|interrupted/);

/** Changes stored rows behind the app's back, the way a damaged file or an old bug would. */
function damage(dataDir: string, sql: string, ...params: string[]): void {
  const db = new DatabaseSync(join(dataDir, 'plume.db'));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

describe('messages the window must survive', () => {
  it('shows a damaged message as "could not be displayed" with its raw text; the rest of the chat stays', async () => {
    const { app, page, fake } = await apps.withOpenAI();
    fake.replyText('First answer, soon with bad stats.');
    await send(page, 'First question');
    await settled(page);
    fake.replyText('Second answer, soon with a bad error.');
    await send(page, 'Second question');
    await settled(page);

    damage(app.dataDir, `UPDATE messages SET stats = '{"tokensPerSec":"fast","usage":{},"estimated":false}' WHERE text LIKE 'First answer%'`);
    damage(app.dataDir, `UPDATE messages SET state = 'error', error = '{"kind":"server","message":{"html":"<b>x</b>"}}' WHERE text LIKE 'Second answer%'`);
    await page.reload();
    await page.getByRole('button', { name: 'First question' }).click();

    const broken = page.getByTestId('message-broken');
    await expect.poll(() => broken.count()).toBe(2);
    await expect.poll(() => broken.first().textContent()).toContain('This message could not be displayed');
    expect(await broken.first().textContent()).toContain('First answer, soon with bad stats.');
    expect(await broken.last().textContent()).toContain('Second answer, soon with a bad error.');
    // The rest of the conversation, and the composer, are still there and usable.
    expect(await page.getByTestId('message-user').allTextContents()).toEqual([expect.stringContaining('First question'), expect.stringContaining('Second question')]);
    fake.replyText('Third answer.');
    await send(page, 'Third question');
    await settled(page);
    expect(await lastReply(page).textContent()).toContain('Third answer.');
  });
});

describe('one unbroken megabyte-long word', () => {
  it('streams in and displays whole, wrapped inside the window, and again when reopened', { timeout: 180_000 }, async () => {
    const { page, fake } = await apps.withOpenAI();
    // Base64-like: letters, digits, "+" and "/" — the usual shape of a huge unbroken token.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const token = Array.from({ length: 1_000_000 }, (_, i) => alphabet[(i * 7919 + (i >> 7)) % 64]).join('');
    const shownLength = () => lastReply(page).evaluate((el) => el.querySelector('.message-text')?.textContent?.length ?? 0);
    fake.replyText(token, { tokens: 250 });
    await send(page, 'Send me one long word.');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 170_000 }).toBe('complete');
    await expect.poll(shownLength, { timeout: 60_000 }).toBe(1_000_000);
    // Wrapped inside the message: the page itself never grows sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.reload();
    await page.getByRole('button', { name: 'Send me one long word.' }).click();
    await expect.poll(shownLength, { timeout: 60_000 }).toBe(1_000_000);
    expect(await lastReply(page).evaluate((el) => el.querySelector('.message-text')?.textContent?.slice(0, 8))).toBe(token.slice(0, 8));
  });
});

describe('a reply that never ends', () => {
  it('stops at the size set in Settings, says why, and keeps the text', { timeout: 120_000 }, async () => {
    const { page, fake } = await apps.withOpenAI();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Stop a reply longer than this many MB of text').fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Settings saved.');
    await page.getByRole('button', { name: 'Back to chat' }).click();

    fake.nextReply(endlessReply([openai.roleChunk(), openai.textChunk('more and more words '.repeat(100))]));
    await send(page, 'Never stop.');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 100_000 }).toBe('error');
    expect(await lastReply(page).getByTestId('reply-error').textContent()).toBe(
      'The reply passed 1 MB of text, the longest allowed (Settings), so it was stopped. The text so far is kept.',
    );
    expect(await lastReply(page).evaluate((el) => el.querySelector('.message-text')?.textContent?.length ?? 0)).toBeGreaterThan(900_000);
    await fake.requests.at(-1)?.disconnected;
  });
});
