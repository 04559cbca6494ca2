// Exporting goes through one small dialog: the overflow menu holds "Export chat…" and "Export all…"
// (or "Export N selected…"), and the dialog shows only the options the picked format has. Esc closes
// it with focus back on the menu button; Export downloads the file with the options chosen, and the
// next export starts from them. (The
// selection's "Export 2 selected…" is exported in exports-and-data.test.ts.)
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { fromMoreMenu, lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

describe('export dialog', () => {
  it('opens from the menu, shows the options of the picked format, closes on Esc and exports on Export', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyText('A reply to export.');
    await send(page, 'Export this please');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');

    // Two export items in the menu, not one per format.
    await page.getByRole('button', { name: 'More actions' }).click();
    const menu = page.getByRole('menu', { name: 'More actions' });
    await expect.poll(() => menu.getByRole('menuitem', { name: /^Export/ }).allTextContents()).toEqual(['Export chat…', 'Export all…']);
    await page.keyboard.press('Escape');

    await fromMoreMenu(page, 'Export chat…');
    const dialog = page.getByRole('dialog', { name: 'Export this chat' });
    await dialog.waitFor();
    const everyBranch = dialog.getByRole('checkbox', { name: 'Every branch' });
    const stats = dialog.getByRole('checkbox', { name: 'Speed, tokens and cost' });
    const jsonHint = dialog.getByText(/JSON always keeps every branch/);
    const shown = async () => ({ everyBranch: await everyBranch.isVisible(), stats: await stats.isVisible(), jsonHint: await jsonHint.isVisible() });

    await expect.poll(() => dialog.getByRole('radio', { name: 'Markdown' }).isChecked()).toBe(true);
    await expect.poll(shown).toEqual({ everyBranch: true, stats: false, jsonHint: false });
    await dialog.getByRole('radio', { name: 'HTML' }).check();
    await expect.poll(shown).toEqual({ everyBranch: true, stats: true, jsonHint: false });
    await dialog.getByRole('radio', { name: 'JSON (lossless)' }).check();
    await expect.poll(shown).toEqual({ everyBranch: false, stats: false, jsonHint: true });
    await dialog.getByRole('radio', { name: 'PDF' }).check();
    await expect.poll(shown).toEqual({ everyBranch: false, stats: false, jsonHint: false });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedName(page)).toBe('More actions');

    // HTML with speed, tokens and cost: the download has the reply and its timing in the header.
    await fromMoreMenu(page, 'Export chat…');
    await dialog.getByRole('radio', { name: 'HTML' }).check();
    await stats.check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(/\.html$/);
    const html = await readFile(await (await download).path(), 'utf8');
    expect(html).toContain('A reply to export.');
    expect(html).toContain('TTFT');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedName(page)).toBe('More actions');

    // The next export starts from the choices of the last one, also after a reload; Esc changes nothing.
    await page.reload();
    await fromMoreMenu(page, 'Export all…');
    const all = page.getByRole('dialog', { name: 'Export all chats' });
    await expect.poll(() => all.getByRole('radio', { name: 'HTML' }).isChecked()).toBe(true);
    await expect.poll(() => all.getByRole('checkbox', { name: 'Speed, tokens and cost' }).isChecked()).toBe(true);
    await all.getByRole('radio', { name: 'JSON (lossless)' }).check();
    await page.keyboard.press('Escape');
    await all.waitFor({ state: 'hidden' });
    await fromMoreMenu(page, 'Export all…');
    await expect.poll(() => all.getByRole('radio', { name: 'HTML' }).isChecked()).toBe(true);
  });
});
