// Imported tool turns in the window: a Claude.ai export's calls show with their results and its
// artifact as readable code, and search finds the reply by a tool's name; a ChatGPT export's
// code cell shows its code and output.
import { describe, expect, it } from 'vitest';
import { chatgptToolExport, claudeToolExport } from '../support/store/tool-exports';
import { perTestApp } from './support/per-test';
import { screenshotDir, shootLayouts } from './support/screenshots';

const apps = perTestApp();
const shots = screenshotDir('import-tools');

async function importAndOpen(page: Awaited<ReturnType<typeof apps.withOpenAI>>['page'], file: string, title: string) {
  await page.getByLabel('Import conversations file').setInputFiles({ name: 'conversations.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const row = page.getByRole('button', { name: title, exact: true });
  await row.waitFor({ timeout: 60_000 });
  await row.click();
}

describe('imported tool turns', () => {
  it('Claude.ai: the search and the failed cell show as calls with results; the artifact as code', { timeout: 120_000 }, async () => {
    const { page } = await apps.withOpenAI();
    await importAndOpen(page, claudeToolExport(), 'Rate limiter with tools');
    const search = page.getByRole('region', { name: 'Tool call web_search' });
    await search.waitFor({ timeout: 30_000 });
    expect(await search.getByLabel('Arguments').textContent()).toContain('token bucket rate limiter');
    expect(await search.textContent()).toContain('run by the provider');
    const repl = page.getByRole('region', { name: 'Tool call repl' });
    await repl.getByText('Tool error').click();
    expect(await repl.getByLabel('Tool error').textContent()).toContain('SyntaxError: Unexpected end of input');
    // The artifact is the answer: its title and code are in the reply, readable.
    expect(await page.getByText('limiter.py', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.locator('pre').filter({ hasText: 'class Bucket:' }).count()).toBe(1);
    await shootLayouts(page, shots, 'claude', search);

    // Search finds the reply by the tool it called, and opens it.
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search conversations' }).fill('web_search');
    const hit = page.getByRole('dialog').getByRole('option').filter({ hasText: 'Tool calls: web_search, repl' });
    await expect.poll(() => hit.count()).toBe(1);
    await shootLayouts(page, shots, 'search');
    await hit.click();
    await expect.poll(() => page.locator('.message.found').textContent()).toMatch(/Let me check current practice/);
  });

  it('ChatGPT: a code-interpreter cell shows its code and its output', { timeout: 120_000 }, async () => {
    const { page } = await apps.withOpenAI();
    await importAndOpen(page, chatgptToolExport(), 'Squares with tools');
    const cells = page.getByRole('region', { name: 'Tool call python' });
    await cells.first().waitFor({ timeout: 30_000 });
    expect(await cells.count()).toBe(2);
    expect(await cells.first().getByLabel('Arguments').textContent()).toContain('plt.plot(xs)');
    await cells.first().getByText('Result', { exact: true }).click();
    expect(await cells.first().getByLabel('Tool result').textContent()).toContain('55');
    expect(await page.getByRole('region', { name: 'Tool call browser' }).count()).toBe(2);
    await shootLayouts(page, shots, 'chatgpt', cells.first());
  });
});
