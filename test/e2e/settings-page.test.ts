// Settings is a real page: defaults for new chats (provider, model, system prompt) beside theme,
// text size and send key, all saved with Save; leaving with unsaved changes asks; Save stays in
// view; removing a provider asks first and names the conversations that use it.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../support/fake-providers';
import { addProvider, modelButton, send, shownModel } from './support/app';
import { perTestApp } from './support/per-test';
import { waitForReply } from './support/screens';

const apps = perTestApp();
const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });
const openSettings = (page: Page) => page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Settings' }).click();

describe('settings page', () => {
  it('a default model and system prompt, once saved, are what a new chat uses', async () => {
    const { page, fake } = await apps.withOpenAI();
    await openSettings(page);
    // The same picker as the header's; an id the provider does not list can still be typed.
    await page.getByRole('button', { name: /^Default model: gpt-e2e from OpenAI/ }).click();
    const search = page.getByRole('combobox', { name: 'Search models' });
    await search.fill('gpt-e2e-mini');
    await expect.poll(() => page.getByRole('option', { name: 'Use “gpt-e2e-mini” with OpenAI' }).count()).toBe(1);
    await search.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /^Default model:/ }).textContent()).toContain('gpt-e2e-mini');
    // Esc closes the list and stays on the page, focus back on the field.
    await page.getByRole('button', { name: /^Default model:/ }).click();
    await search.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Choose the default model' }).count()).toBe(0);
    expect(await heading(page, 'Settings').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('gpt-e2e-mini');
    await page.getByLabel('Default system prompt').fill('Answer like a pirate.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByRole('button', { name: 'Back to chat' }).click();

    await expect.poll(() => shownModel(page)).toBe('gpt-e2e-mini');
    fake.replyText('Arr.');
    await send(page, 'Hello');
    await waitForReply(page);
    expect(fake.requests.at(-1)?.body).toMatchObject({
      model: 'gpt-e2e-mini',
      messages: [{ role: 'system', content: 'Answer like a pirate.' }, { role: 'user', content: 'Hello' }],
    });
  });

  it('the default model may be any listed model of any provider, and a new chat then uses that provider', async () => {
    const { page } = await apps.withOpenAI();
    const other = apps.track(await startFakeOpenAI());
    other.setModels(['llama-local', 'qwen-local']);
    await page.getByRole('button', { name: 'Providers' }).click();
    await page.getByRole('button', { name: 'Add provider' }).click();
    await addProvider(page, { name: 'Second', baseURL: other.baseURL, apiKey: 'sk-second-0123456789', model: 'llama-local' });

    await openSettings(page);
    await page.getByRole('button', { name: /^Default model:/ }).click();
    const search = page.getByRole('combobox', { name: 'Search models' });
    await search.fill('qwen');
    await expect.poll(() => page.getByRole('option', { name: 'qwen-local, Second' }).count()).toBe(1);
    await search.press('Enter');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByRole('button', { name: 'Back to chat' }).click();

    await expect.poll(() => shownModel(page)).toBe('qwen-local');
    expect(await modelButton(page).textContent()).toContain('Second');
  });

  it('leaving with unsaved changes asks: Cancel stays, Discard drops them, Save keeps them', async () => {
    const { page } = await apps.withOpenAI();
    const size = page.getByLabel('Text size');
    await openSettings(page);
    await size.selectOption('large');
    // Nothing applies before Save.
    expect(await page.evaluate(() => document.documentElement.dataset.fontSize ?? null)).toBeNull();

    await page.getByRole('button', { name: 'Back to chat' }).click();
    const ask = page.getByRole('dialog', { name: 'Save your changes?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await heading(page, 'Settings').count()).toBe(1);

    // Esc leaves Settings too, so it asks as well; Discard leaves without saving.
    await page.keyboard.press('Escape');
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.fontSize ?? null)).toBeNull();

    await openSettings(page);
    expect(await size.inputValue()).toBe('medium');
    await size.selectOption('large');
    await page.keyboard.press('Control+n');
    await ask.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.fontSize)).toBe('large');

    // A command that leads elsewhere (search) asks too, then goes there.
    await openSettings(page);
    await size.selectOption('small');
    await page.keyboard.press('Control+k');
    await ask.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('combobox', { name: 'Search conversations' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.fontSize)).toBe('large');
  });

  it('the page scrolls as a whole and Save is in view at 420 and 1280 px', async () => {
    const { page } = await apps.withOpenAI();
    for (const [width, height] of [[420, 640], [1280, 720]] as const) {
      await page.setViewportSize({ width, height });
      if ((await heading(page, 'Settings').count()) === 0) {
        await page.getByRole('button', { name: 'More actions' }).click();
        await page.getByRole('menuitem', { name: /^Settings/ }).click();
      }
      const save = page.getByRole('button', { name: 'Save settings' });
      const box = await save.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= height, `Save in view at ${width}×${height}`).toBe(true);
      const scrollers = await page.evaluate(() =>
        [...document.querySelectorAll('form.settings-page, form.settings-page *')]
          .filter((el) => el.clientHeight > 1 && el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible' && el.tagName !== 'TEXTAREA')
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(scrollers, 'nothing inside the Settings form scrolls on its own').toEqual([]);
    }
  });

  it('removing a provider asks first and names the conversations that use it', async () => {
    const { page, fake } = await apps.withOpenAI();
    for (const title of ['Alpha', 'Beta', 'Gamma', 'Delta']) {
      fake.replyText('Ok.');
      await send(page, title);
      await waitForReply(page);
      await page.keyboard.press('Control+n');
    }
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Providers' }).click();
    const remove = page.getByRole('button', { name: /^Remove / });
    await remove.click();
    const ask = page.getByRole('dialog', { name: /^Remove .*\?$/ });
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/4 conversations use it: “Delta”, “Gamma”, “Beta” and 1 more\./);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await remove.count()).toBe(1);

    await remove.click();
    await ask.getByRole('button', { name: 'Remove', exact: true }).click();
    // The only provider is gone: the app asks for one again.
    await expect.poll(() => remove.count()).toBe(0);
  });
});
