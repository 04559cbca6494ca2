// Every main screen at 360, 720, 1280, 1920 and 2560 px: nothing sticks out of the window, the page never
// scrolls sideways, the header is one row, and the conversations sidebar can always be reached.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { headerRowProblems, overflowingElements } from './support/layout-checks';
import { perTestApp } from './support/per-test';
import { resetWindow, SCREENS, seedConversations, showSidebar } from './support/screens';

const apps = perTestApp();
const WIDTHS = [360, 720, 1280, 1920, 2560];

async function checkScreens(page: Page, theme: 'light' | 'dark', screens: typeof SCREENS) {
  await page.emulateMedia({ colorScheme: theme });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 760 });
    for (const screen of screens) {
      await resetWindow(page);
      await screen.open(page);
      const where = `${screen.name} at ${width} px (${theme})`;
      expect(await overflowingElements(page), where).toEqual([]);
      if (await page.locator('header.app-header').count()) expect(await headerRowProblems(page), where).toEqual([]);
    }
  }
}

describe('layout from 360 to 2560 px', () => {
  it('every screen fits the window in light, and the chat and sidebar in dark', async () => {
    const { page, fake } = await apps.withOpenAI();
    await seedConversations(page, fake);
    await checkScreens(page, 'light', SCREENS);
    await checkScreens(page, 'dark', SCREENS.filter((s) => s.name === 'chat' || s.name === 'sidebar'));
  }, 240_000);

  it('the sidebar docks at wide widths and is one toggle away at narrow ones, where it closes with Esc', async () => {
    const { page } = await apps.withOpenAI();
    const nav = page.getByRole('navigation', { name: 'Conversations' });
    await page.setViewportSize({ width: 1280, height: 760 });
    await expect.poll(() => nav.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Hide conversations' }).click();
    await expect.poll(() => nav.count()).toBe(0);
    await page.getByRole('button', { name: 'Show conversations' }).click();
    await expect.poll(() => nav.isVisible()).toBe(true);

    for (const width of [360, 720]) {
      await page.setViewportSize({ width, height: 760 });
      await expect.poll(() => nav.count()).toBe(0);
      await showSidebar(page);
      const box = await nav.getByRole('button', { name: 'New chat' }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width, `New chat inside the window at ${width}`).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => nav.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Show conversations');
    }
  });

  it('every icon button has a tooltip naming it and is at least 32 px square', async () => {
    const { page, fake } = await apps.withOpenAI();
    await seedConversations(page, fake);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('.icon-button')].flatMap((el) => {
        const r = el.getBoundingClientRect();
        const tip = el.getAttribute('data-tip');
        const problems = [];
        if (!tip) problems.push(`${el.getAttribute('aria-label')}: no tooltip`);
        if (r.width > 0 && (r.width < 32 || r.height < 32)) problems.push(`${el.getAttribute('aria-label')}: ${r.width}×${r.height}`);
        return problems;
      }),
    );
    expect(small).toEqual([]);
    const more = page.getByRole('button', { name: 'More actions' });
    await more.hover();
    await expect.poll(() => more.evaluate((el) => getComputedStyle(el, '::after').opacity)).toBe('1');
  });
});
