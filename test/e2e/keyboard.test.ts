// Keyboard-only use: Esc closes every dialog, panel and page and focus goes back where it was;
// the sidebar is one Tab stop with arrow keys inside; new chats and reloads focus the composer.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { fromMoreMenu, send } from './support/app';
import { perTestApp } from './support/per-test';
import { waitForReply } from './support/screens';

const apps = perTestApp();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

describe('keyboard', () => {
  it('Esc closes search, the palette, chat options, Settings and Providers, and focus returns', async () => {
    const { page } = await apps.withOpenAI();
    const message = page.getByRole('textbox', { name: 'Message' });
    await expect.poll(() => focused(page)).toBe('Message');

    await page.keyboard.press('Control+k');
    await expect.poll(() => focused(page)).toBe('Search conversations');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('Message');

    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => focused(page)).toBe('Type a command');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('Message');

    await fromMoreMenu(page, 'Chat options');
    await expect.poll(() => page.getByLabel('System prompt').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Options for this chat' }).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('More actions');

    for (const screen of ['Settings', 'Providers']) {
      await page.getByRole('button', { name: screen }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => message.count()).toBe(1);
      await expect.poll(() => focused(page)).toBe('Message');
    }
  });

  it('the conversation list is one Tab stop: arrows move, Enter opens, Delete deletes and Undo reopens', async () => {
    const { page, fake } = await apps.withOpenAI();
    for (const title of ['First topic', 'Second topic', 'Third topic']) {
      fake.replyText(`About ${title}.`);
      await send(page, title);
      await waitForReply(page);
      await page.keyboard.press('Control+n');
    }
    const rows = page.getByRole('navigation', { name: 'Conversations' }).locator('.conversation-title');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).tabIndex).filter((t) => t === 0).length)).toBe(1);
    expect(await page.locator('.conversation-actions button[tabindex="0"]').count()).toBe(0);

    await rows.first().focus();
    const first = await focused(page);
    await page.keyboard.press('ArrowDown');
    const second = await focused(page);
    expect(second).not.toBe(first);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('message-user').locator('.message-text').textContent()).toBe(second);

    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: second ?? '', exact: true }).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    // Undo of the open conversation opens it again.
    await expect.poll(() => page.getByTestId('message-user').locator('.message-text').textContent()).toBe(second);
  });

  it('focus rings in a reply are drawn whole: a link that starts a paragraph, and a code block', async () => {
    const { page, fake } = await apps.withOpenAI();
    await page.setViewportSize({ width: 420, height: 800 });
    fake.replyText('[Docs](https://example.com/docs) are here.\n\n```ts\nconst a = 1;\nconst b = 2;\n```\n');
    await send(page, 'Links');
    await waitForReply(page);
    const reply = page.getByTestId('message-assistant').last();
    // Pixels just outside the link's left edge, and inside the code box's bottom edge: the ring is
    // drawn there when focused, or clipped away by the block (or the code box) around it.
    const link = reply.getByRole('link', { name: 'Docs' });
    const pre = reply.locator('pre');
    const strips = async () => {
      const l = (await link.boundingBox())!;
      const p = (await pre.boundingBox())!;
      return [
        await page.screenshot({ clip: { x: l.x - 4, y: l.y, width: 4, height: l.height } }),
        await page.screenshot({ clip: { x: p.x + 8, y: p.y + p.height - 4, width: p.width - 16, height: 4 } }),
      ];
    };
    const [linkBefore, preBefore] = await strips();
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => link.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    const [linkFocused] = await strips();
    expect(linkFocused!.equals(linkBefore!)).toBe(false);
    await pre.focus();
    await expect.poll(() => pre.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    const [, preFocused] = await strips();
    expect(preFocused!.equals(preBefore!)).toBe(false);
  });
});
