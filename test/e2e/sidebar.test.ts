// The sidebar under the pointer and on phones: a delete never slides the next row's Delete under
// the cursor, Undo in the row's slot brings the open conversation back, notices go away by
// themselves or on a click, and the overlay sidebar has a visible close button.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { send } from './support/app';
import { perTestApp } from './support/per-test';
import { showSidebar, waitForReply } from './support/screens';

const apps = perTestApp();
const nav = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const rows = (page: Page) => nav(page).locator('.conversation-title');
/** What the app does after a click goes through IPC and a re-render: a loaded machine can take seconds. */
const busy = { timeout: 15_000 };

/** What a click at the centre of this box would hit now: its accessible name, or its text. */
const hitAt = (page: Page, box: { x: number; y: number; width: number; height: number }) =>
  page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y)?.closest('button, li');
    return el?.getAttribute('aria-label') ?? el?.textContent ?? null;
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });

describe('sidebar', () => {
  it('after a delete the slot stays as Undo while the pointer is there, and Undo reopens the open chat', async () => {
    const { page, fake } = await apps.withOpenAI();
    for (const title of ['Oldest topic', 'Middle topic', 'Newest topic']) {
      fake.replyText(`About ${title}.`);
      await send(page, title);
      await waitForReply(page);
      await nav(page).getByRole('button', { name: 'New chat' }).click();
    }
    await expect.poll(() => rows(page).count(), busy).toBe(3);
    await nav(page).getByRole('button', { name: 'Middle topic', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), busy).toBe('Middle topic');

    const del = nav(page).getByRole('button', { name: 'Delete Middle topic' });
    await del.hover();
    const box = await del.boundingBox();
    if (!box) throw new Error('no Delete button');
    await del.click();
    await expect.poll(() => nav(page).locator('.deleted-slot').filter({ hasText: 'Deleted “Middle topic”' }).count(), busy).toBe(1);
    // A second click where Delete was hits no other row's Delete.
    expect(await hitAt(page, box)).not.toMatch(/^Delete /);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => rows(page).count(), busy).toBe(2);

    await nav(page).getByRole('button', { name: 'Undo delete' }).click();
    await expect.poll(() => rows(page).count(), busy).toBe(3);
    await expect.poll(() => page.getByTestId('message-user').locator('.message-text').textContent(), busy).toBe('Middle topic');
    await expect.poll(() => nav(page).locator('.deleted-slot').count(), busy).toBe(0);

    // Once the pointer moves off the list the slot closes up.
    await del.click();
    await expect.poll(() => nav(page).locator('.deleted-slot').filter({ hasText: 'Deleted “Middle topic”' }).count(), busy).toBe(1);
    // Straight off the list from the removed Delete button (Chromium sends no pointerleave from a
    // removed element): it must close on that move, well before the 8 s backstop.
    await page.mouse.move(900, 400);
    await expect.poll(() => nav(page).locator('.deleted-slot').count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => rows(page).count(), busy).toBe(2);
  });

  it('a notice goes away when clicked, and by itself after a few seconds', async () => {
    const { page } = await apps.withOpenAI();
    const input = page.getByLabel('Import conversations file');
    const broken = { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"not": "an export"') };
    await input.setInputFiles(broken);
    const notice = page.getByRole('status').filter({ hasText: 'Nothing was imported' });
    await expect.poll(() => notice.count(), busy).toBe(1);
    await notice.click();
    await expect.poll(() => notice.count(), busy).toBe(0);

    await input.setInputFiles({ ...broken, name: 'broken-again.json' });
    await expect.poll(() => notice.count(), busy).toBe(1);
    await expect.poll(() => notice.count(), { timeout: 25_000 }).toBe(0);
  });

  it('at phone width the overlay sidebar has a visible close button; it, Esc and a click outside close it', async () => {
    const { page } = await apps.withOpenAI();
    for (const width of [360, 420]) {
      await page.setViewportSize({ width, height: 760 });
      await showSidebar(page);
      const close = nav(page).getByRole('button', { name: 'Close conversations' });
      const box = await close.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width && box.width >= 32, `close button inside the window at ${width}`).toBe(true);
      await close.click();
      await expect.poll(() => nav(page).count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Show conversations');

      await showSidebar(page);
      await page.mouse.click(width - 10, 400);
      await expect.poll(() => nav(page).count()).toBe(0);
    }
    // Docked at desktop width: no close button, the header toggle does it.
    await page.setViewportSize({ width: 1280, height: 760 });
    await showSidebar(page);
    expect(await nav(page).getByRole('button', { name: 'Close conversations' }).count()).toBe(0);
  });
});
