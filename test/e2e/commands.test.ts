// The command palette lists every app command with its shortcut (the same table the native menu
// and the keyboard read), and each command does what it says on the open conversation.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../../src/shared/app-commands';
import { shortcutLabel } from '../../src/renderer/src/shell/shortcuts';
import { send } from './support/app';
import { perTestApp } from './support/per-test';
import { waitForReply } from './support/screens';

const apps = perTestApp();

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const option = (page: Page, label: string) => palette(page).getByRole('option', { name: label.replace(/…$/, '') });

async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.getByRole('combobox', { name: 'Type a command' }).fill(label.replace(/…$/, ''));
  await option(page, label).click();
  await expect.poll(() => palette(page).count()).toBe(0);
}

describe('command palette', () => {
  it('lists every command with its shortcut, and dims those that cannot run now', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyText('First answer.');
    await send(page, 'A question');
    await waitForReply(page);

    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => palette(page).count()).toBe(1);
    for (const command of APP_COMMANDS) {
      if (command.id === 'command-palette') continue;
      const row = option(page, command.label);
      expect(await row.count(), command.label).toBe(1);
      if ('accelerator' in command) expect(await row.locator('kbd').textContent(), command.label).toBe(shortcutLabel(command.accelerator, false));
    }
    // Nothing streams, so Stop is listed but cannot run; the conversation commands can.
    expect(await option(page, 'Stop Reply').getAttribute('aria-disabled')).toBe('true');
    for (const label of ['Regenerate Last Reply', 'Edit Last Message', 'Pin or Unpin Conversation', 'Delete Conversation', 'Switch Model…']) {
      expect(await option(page, label).getAttribute('aria-disabled'), label).toBeNull();
    }
    await page.keyboard.press('Escape');
  });

  it('runs regenerate, edit last, pin, rename, switch model, toggle sidebar and delete on the open chat', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyText('First answer.');
    await send(page, 'A question');
    await waitForReply(page);
    const sidebar = page.getByRole('navigation', { name: 'Conversations' });
    await expect.poll(() => sidebar.locator('.conversation-name').first().textContent()).not.toBe('New chat');

    // Regenerate by its shortcut: a second version of the reply.
    fake.replyText('Second answer.');
    await page.keyboard.press('Control+Shift+G');
    await expect.poll(() => page.getByRole('group', { name: 'Versions' }).textContent()).toContain('2/2');
    await waitForReply(page);

    await runFromPalette(page, 'Edit Last Message');
    await expect.poll(() => page.getByRole('textbox', { name: 'Edit message' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await runFromPalette(page, 'Pin or Unpin Conversation');
    await expect.poll(() => sidebar.getByRole('region', { name: 'Pinned' }).locator('.pin-mark').count()).toBe(1);

    await runFromPalette(page, 'Rename Conversation…');
    const title = page.getByRole('textbox', { name: 'New title' });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await title.fill('Renamed by command');
    await title.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Renamed by command');

    await runFromPalette(page, 'Switch Model…');
    await expect.poll(() => page.getByRole('dialog', { name: 'Choose a model' }).count()).toBe(1);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+S');
    await expect.poll(() => sidebar.count()).toBe(0);
    await runFromPalette(page, 'Toggle Sidebar');
    await expect.poll(() => sidebar.count()).toBe(1);

    await runFromPalette(page, 'Delete Conversation');
    await expect.poll(() => sidebar.locator('.conversation-title').count()).toBe(0);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New chat');
  });
});
