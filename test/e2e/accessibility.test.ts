// Every control on every screen has an accessible name, as Chromium's accessibility tree
// computes it (what a screen reader announces), not as our markup intends.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { fromMoreMenu, send } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();
const CONTROLS = new Set(['button', 'textbox', 'combobox', 'checkbox', 'link', 'listbox', 'option', 'menuitem', 'searchbox', 'spinbutton', 'slider', 'switch', 'tab', 'radio']);

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
}

/** Controls with no accessible name, described by role and a bit of their HTML. */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && CONTROLS.has(n.role?.value ?? '') && !(n.name?.value ?? '').trim())
    .map((n) => n.role?.value ?? '?');
}

describe('accessible names', () => {
  it('onboarding, chat, a streamed reply, search, providers, settings and the command palette', async () => {
    const first = await apps.start();
    expect(await unnamedControls(first.page), 'onboarding').toEqual([]);

    const { page, fake } = await apps.withOpenAI();
    fake.replyText('A reply with `code` and a [link](https://example.com).\n\n```js\nlet x = 1;\n```\n');
    await send(page, 'Hello');
    await expect.poll(() => page.getByTestId('message-assistant').getAttribute('data-state')).toBe('complete');
    await fromMoreMenu(page, 'Chat options');
    expect(await unnamedControls(page), 'chat').toEqual([]);

    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search conversations' }).fill('Hello');
    await expect.poll(() => page.getByRole('dialog').getByRole('option').count()).toBeGreaterThan(0);
    expect(await unnamedControls(page), 'search').toEqual([]);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(await unnamedControls(page), 'command palette').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Providers' }).click();
    expect(await unnamedControls(page), 'providers').toEqual([]);
    await page.getByRole('button', { name: /Back|Close|Done/ }).first().click();

    await page.getByRole('button', { name: 'Settings' }).click();
    expect(await unnamedControls(page), 'settings').toEqual([]);
  });
});
