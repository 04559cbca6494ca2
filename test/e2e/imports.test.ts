// Imports in browser mode: a file over the old 8 MiB request limit goes through (it is uploaded,
// not sent as an RPC string), and a big import shows its progress and can be cancelled.
import { describe, expect, it } from 'vitest';
import { bigChatGpt, manyTinyChatGpt } from '../support/store/hostile-files';
import { perTestApp } from './support/per-test';
import { screenshotDir, shootLayouts } from './support/screenshots';

const apps = perTestApp();
const status = (page: Awaited<ReturnType<typeof apps.withOpenAI>>['page']) => page.getByRole('status').first().textContent();

describe('imports in browser mode', () => {
  it('imports a 12 MB ChatGPT export', { timeout: 180_000 }, async () => {
    const { page } = await apps.withOpenAI();
    const file = Buffer.from(bigChatGpt(4, 3_000_000));
    expect(file.length).toBeGreaterThan(12_000_000);
    await page.getByLabel('Import conversations file').setInputFiles({ name: 'conversations.json', mimeType: 'application/json', buffer: file });
    await expect.poll(() => status(page), { timeout: 170_000 }).toMatch(/Imported 4 conversations from a chatgpt export/);
    await expect.poll(() => page.getByRole('button', { name: 'Big 3', exact: true }).count()).toBe(1);
  });

  it('shows progress while a big import runs, and Cancel leaves nothing imported', { timeout: 300_000 }, async () => {
    const { page } = await apps.withOpenAI();
    await page.getByLabel('Import conversations file').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(manyTinyChatGpt(10_000)) });
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await expect.poll(() => progress.getAttribute('value'), { timeout: 240_000 }).toMatch(/^[1-9]\d*$/);
    expect(await page.getByText(/Importing many\.json — [\d,]+ of 10,000 conversations/).count()).toBe(1);
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('The import was cancelled: nothing was imported.');
    expect(await progress.count()).toBe(0);
    await page.reload();
    expect(await page.getByRole('button', { name: /^Tiny \d+$/ }).count()).toBe(0);
  });

  it('while the file is still being read, progress says so and Cancel stops it with nothing imported', { timeout: 300_000 }, async () => {
    const { page } = await apps.withOpenAI();
    await page.getByLabel('Import conversations file').setInputFiles({ name: 'reading.json', mimeType: 'application/json', buffer: Buffer.from(manyTinyChatGpt(30_000)) });
    const reading = page.getByText('Importing reading.json — reading the file…');
    await expect.poll(() => reading.count(), { timeout: 60_000 }).toBe(1);
    await shootLayouts(page, screenshotDir('imports'), 'reading', reading);
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await expect.poll(() => status(page), { timeout: 240_000 }).toBe('The import was cancelled: nothing was imported.');
    await page.reload();
    expect(await page.getByRole('button', { name: /^Tiny \d+$/ }).count()).toBe(0);
  });
});
