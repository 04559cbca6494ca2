// The one model picker: every provider's models, grouped and searchable, recent first, driven by
// the keyboard, a manual id still possible; and every reply says which provider and model wrote it.
import { describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../support/fake-providers';
import { addProvider, lastReply, modelButton, send, shownModel } from './support/app';
import { perTestApp } from './support/per-test';
import { waitForReply } from './support/screens';

const apps = perTestApp();

describe('model picker', () => {
  it('searches every provider, chooses by keyboard, remembers recent choices, and labels each reply', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.setModels(['gpt-e2e', 'gpt-e2e-mini']);
    const other = apps.track(await startFakeOpenAI());
    other.setModels(['llama-local', 'qwen-local']);
    await page.getByRole('button', { name: 'Providers' }).click();
    await page.getByRole('button', { name: 'Add provider' }).click();
    await addProvider(page, { name: 'Second', baseURL: other.baseURL, apiKey: 'sk-second-0123456789', model: 'llama-local' });

    await modelButton(page).click();
    const search = page.getByRole('combobox', { name: 'Search models' });
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(expect.arrayContaining(['gpt-e2e-mini', 'qwen-local']));
    // Grouped by provider: each group is headed by its provider's name.
    expect(await page.locator('.search-list-group').allTextContents()).toEqual(expect.arrayContaining(['OpenAI', 'Second']));

    await search.fill('qwen');
    await expect.poll(() => page.getByRole('option').count()).toBe(2); // the listed one, and "Use “qwen”"
    await search.press('Enter');
    await expect.poll(() => shownModel(page)).toBe('qwen-local');
    expect(await modelButton(page).textContent()).toContain('Second');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('dialog');

    other.replyText('From qwen.');
    await send(page, 'Which model are you?');
    await waitForReply(page);
    expect(other.requests.at(-1)?.body).toMatchObject({ model: 'qwen-local' });
    expect(await lastReply(page).getByTestId('reply-model').textContent()).toBe('Second · qwen-local');

    // Recent first; arrows move through the list, Esc closes and gives focus back.
    await modelButton(page).click();
    await expect.poll(() => page.locator('.search-list-group').first().textContent()).toBe('Recent');
    const before = await search.getAttribute('aria-activedescendant');
    await search.press('ArrowDown');
    await expect.poll(() => search.getAttribute('aria-activedescendant')).not.toBe(before);
    await search.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Choose a model' }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('dialog');

    // An id nobody lists can still be typed.
    await modelButton(page).click();
    await search.fill('my-finetune-7b');
    await expect.poll(() => page.getByRole('option', { name: 'Use “my-finetune-7b” with Second' }).count()).toBe(1);
    await search.press('Enter');
    await expect.poll(() => shownModel(page)).toBe('my-finetune-7b');
    other.replyText('Fine-tuned.');
    await send(page, 'And now?');
    await expect.poll(() => page.getByTestId('message-assistant').count()).toBe(2);
    await waitForReply(page);
    expect(other.requests.at(-1)?.body).toMatchObject({ model: 'my-finetune-7b' });
    // Earlier replies keep their own label.
    expect(await page.getByTestId('reply-model').allTextContents()).toEqual(['Second · qwen-local', 'Second · my-finetune-7b']);
  });

  it('adding a provider never changes the provider of the open conversation, nor the default a new chat starts from', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyText('First answer.');
    await send(page, 'Stay with me');
    await waitForReply(page);
    const other = apps.track(await startFakeOpenAI());
    await page.getByRole('button', { name: 'Providers' }).click();
    await page.getByRole('button', { name: 'Add provider' }).click();
    await addProvider(page, { name: 'Newcomer', baseURL: other.baseURL, apiKey: 'sk-new-0123456789', model: 'new-model' });
    await expect.poll(() => page.getByTestId('message-user').count()).toBe(1);
    expect(await modelButton(page).textContent()).toContain('OpenAI');
    expect(await shownModel(page)).toBe('gpt-e2e');
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await expect.poll(() => shownModel(page)).toBe('gpt-e2e');
  });
});
