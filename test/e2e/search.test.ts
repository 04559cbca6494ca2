// Search as a person uses it: one row per hit with a plain-text snippet and a date, and opening a
// hit deep inside a long reply brings the matched word itself into view, marked.
import { describe, expect, it } from 'vitest';
import { lastReply, type RunningApp, send } from './support/app';
import { perTestApp } from './support/per-test';
import { screenshotAll } from './support/screenshots';

const apps = perTestApp();

const settled = (page: RunningApp['page']) =>
  expect.poll(() => lastReply(page).getAttribute('data-state')).toMatch(/complete|stopped|error|interrupted/);

const searchFor = async (page: RunningApp['page'], query: string) => {
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search conversations' }).fill(query);
  return page.getByRole('dialog', { name: 'Search conversations' }).getByRole('option');
};

/** Text of each marked range, and whether the first one is inside the conversation's visible box. */
const marks = (page: RunningApp['page']) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('search-match');
    const ranges = highlight ? ([...highlight] as Range[]) : [];
    const first = ranges[0]?.getBoundingClientRect();
    const view = document.querySelector('[role="log"][aria-label="Conversation"]')!.getBoundingClientRect();
    return {
      words: ranges.map((r) => r.toString()),
      firstVisible: !!first && first.height > 0 && first.top >= view.top && first.bottom <= view.bottom,
    };
  });

describe('search', () => {
  it('lists a conversation once when its title and first message match, with the date', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyText('They live on Arctic sea ice.');
    await send(page, 'Where do walruses live?');
    await settled(page);

    const options = await searchFor(page, 'walruses');
    await expect.poll(() => options.count()).toBe(1);
    expect(await options.first().locator('.hit-title mark').textContent()).toBe('walruses');
    expect(await options.first().locator('time').count()).toBe(1);
  });

  it('shows plain-text snippets and opens a hit deep in a long reply at the marked word', async () => {
    const { page, fake } = await apps.withOpenAI();
    const filler = Array.from({ length: 120 }, (_, i) => `Paragraph ${i} says nothing of note, only filler words to make this reply long.`).join('\n\n');
    const reply = [
      '## Sea **mammals**',
      '',
      '| Animal | Home |',
      '| --- | --- |',
      '| Seal | coast |',
      '',
      filler,
      '',
      '```text',
      'tusks',
      '```',
      '',
      'The **narwhal** has a single long tusk and lives in Arctic water.',
      '',
      filler,
    ].join('\n');
    fake.replyText(reply, { tokens: 40 });
    await send(page, 'Tell me about sea mammals');
    await settled(page);
    await page.getByRole('button', { name: 'New chat' }).first().click();
    fake.replyText('Bananas are berries.');
    await send(page, 'A fruit fact please');
    await settled(page);

    const options = await searchFor(page, 'narwhal');
    await expect.poll(() => options.count()).toBe(1);
    const snippet = (await options.first().locator('.hit-snippet').textContent()) ?? '';
    expect(snippet).toContain('The narwhal has a single long tusk');
    expect(snippet).not.toMatch(/\*\*|```|\||(^|\s)#/);
    await screenshotAll(page, 'search-results');

    await options.first().click();
    expect(await page.getByRole('dialog', { name: 'Search conversations' }).count()).toBe(0);
    await expect.poll(async () => (await marks(page)).words).toEqual(['narwhal']);
    await expect.poll(async () => (await marks(page)).firstVisible).toBe(true);
    await screenshotAll(page, 'search-opened');

    // A table cell search marks the word inside the rendered table too.
    const tableHits = await searchFor(page, 'seal');
    await expect.poll(() => tableHits.count()).toBe(1);
    expect(await tableHits.first().locator('.hit-snippet').textContent()).not.toContain('|');
  });
});
