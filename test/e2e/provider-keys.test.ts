// Keys as a user meets them: moving a provider to another host asks for its key again (the saved
// key never reaches the new host), and a damaged vault is reported in Settings and on the
// provider instead of the key silently disappearing.
import { mkdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../support/fake-providers';
import { addProvider, lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();
const FIRST_KEY = 'sk-first-0123456789abcdef';
const SECOND_KEY = 'sk-second-0123456789abcdef';
const shots = join(import.meta.dirname, '../../test-results/provider-keys');

/** PNGs at a phone and a desktop width, light and dark, for a person to look at. */
async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  for (const width of [420, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: join(shots, `${name}-${width}-${colorScheme}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('a saved key stays with its host', () => {
  it('changing the base URL to another host asks for the key again, and the old key never goes there', async () => {
    const { page, fake } = await apps.withOpenAI({ apiKey: FIRST_KEY });
    const other = apps.track(await startFakeOpenAI());
    await page.getByRole('button', { name: 'Providers' }).click();
    await page.getByRole('button', { name: 'Edit OpenAI' }).click();
    await page.getByLabel('Base URL', { exact: true }).fill(other.baseURL);
    await page.getByRole('button', { name: 'Save provider' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/another host.*Enter the API key again/);
    await screenshots(page, 'host-changed');

    await page.getByLabel('API key', { exact: true }).fill(SECOND_KEY);
    await page.getByRole('button', { name: 'Save provider' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    other.replyText('From the other host.');
    await send(page, 'Hello');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 20_000 }).toBe('complete');
    const authorizations = other.requests.map((r) => r.headers.authorization);
    expect(authorizations).toContain(`Bearer ${SECOND_KEY}`);
    expect(authorizations.join(' ')).not.toContain(FIRST_KEY);
    expect(fake.requests.map((r) => r.headers.authorization).join(' ')).not.toContain(SECOND_KEY);
  });
});

describe('a damaged vault', () => {
  it('is reported in Settings and on the provider, which asks for its key again', async () => {
    const { app, page } = await apps.withOpenAI({ apiKey: FIRST_KEY });
    const vaultFile = join(app.dataDir, 'keys.vault.json');
    const before = readFileSync(vaultFile);
    truncateSync(vaultFile, before.length - 1);
    // The next key written (another provider) meets the damaged file.
    const second = apps.track(await startFakeOpenAI());
    await page.getByRole('button', { name: 'Providers' }).click();
    await page.getByRole('button', { name: 'Add provider' }).click();
    await addProvider(page, { name: 'Second', baseURL: second.baseURL, apiKey: SECOND_KEY, model: 'gpt-e2e' });

    await page.getByRole('button', { name: 'Providers' }).click();
    await expect.poll(() => page.locator('.provider-row').first().textContent()).toContain('key unreadable — enter it again');
    await screenshots(page, 'providers-key-unreadable');
    await page.getByRole('button', { name: 'Edit OpenAI' }).click();
    expect(await page.getByLabel('API key', { exact: true }).getAttribute('placeholder')).toBe('Saved key unreadable — enter it again');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Back to chat' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'keys.vault.json is damaged' });
    await expect.poll(() => alert.textContent()).toMatch(/kept unchanged as keys\.vault\.json\.unreadable-/);
    await alert.scrollIntoViewIfNeeded();
    await screenshots(page, 'settings-vault-damaged');

    // The user can drop the unreadable key on purpose (e.g. to point the provider elsewhere).
    await page.getByRole('button', { name: 'Back to chat' }).click();
    await page.getByRole('button', { name: 'Providers' }).click();
    await page.getByRole('button', { name: 'Edit OpenAI' }).click();
    await page.getByLabel('Remove the saved key').check();
    await page.getByRole('button', { name: 'Save provider' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    await page.getByRole('button', { name: 'Providers' }).click();
    await expect.poll(() => page.locator('.provider-row').first().textContent()).toContain('no key');
  });
});
