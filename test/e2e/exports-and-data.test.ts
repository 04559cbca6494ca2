// Exports read like the window, and the user's data survives: the HTML export of a markdown reply
// has the element structure the window shows (headings, lists, task lists, tables, quotes,
// footnotes, math, highlighted code) and runs nothing; Settings backs up and restores; a damaged
// database at start gets a plain page with what to do; a SIGTERM closes the database cleanly.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { exportFrom, lastReply } from './support/app';
import { perTestApp } from './support/per-test';
import { missing } from '../support/skip-reason';

const apps = perTestApp();
const root = join(import.meta.dirname, '../..');
const shots = process.env.PLUME_SCREENSHOTS;

const REPLY = [
  '# Title one',
  '## Title two',
  '### Title three',
  '',
  'Some **bold**, _italic_, `inline code` and a [link](https://example.com).[^note]',
  '',
  '- apple',
  '- pear',
  '  1. nested first',
  '  2. nested second',
  '',
  '- [x] done task',
  '- [ ] open task',
  '',
  '| name | value |',
  '| --- | ---: |',
  '| alpha | 1 |',
  '| beta | 2 |',
  '',
  '> A quoted line',
  '> with two lines',
  '',
  'Euler: $e^{i\\pi} + 1 = 0$ and',
  '',
  '$$',
  '\\int_0^1 x^2 \\, dx = \\frac{1}{3}',
  '$$',
  '',
  '```python',
  'def greet(name):',
  '    return f"hello {name}"',
  '```',
  '',
  '[^note]: A footnote.',
].join('\n');

const STRUCTURE = ['h1', 'h2', 'h3', 'ul', 'ol', 'li', 'input[type=checkbox]', 'table', 'th', 'td', 'blockquote', 'strong', 'em', 'a[href^="https:"]', '.katex', '.katex-display', 'pre code.hljs', '.hljs-keyword', 'section.footnotes li'];

function counts(scope: Locator): Promise<Record<string, number>> {
  return scope.evaluate((el, selectors) => Object.fromEntries(selectors.map((s) => [s, el.querySelectorAll(s).length])), STRUCTURE);
}

describe('exports read like the window', () => {
  it('the HTML export of a markdown reply has the structure the window shows, and runs no script', async () => {
    const { page, fake, app } = await apps.withOpenAI();
    fake.replyText(REPLY);
    await page.getByRole('textbox', { name: 'Message' }).fill('Show me every kind of markdown');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    // Settled blocks get math and highlighting in idle time.
    await expect.poll(() => lastReply(page).locator('.katex').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => lastReply(page).locator('.hljs-keyword').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const inWindow = await counts(lastReply(page).locator('.message-text'));

    const download = page.waitForEvent('download');
    await exportFrom(page, 'chat', 'HTML');
    // Saved under its own name: Chromium shows a file without the .html extension as text.
    const file = join(mkdtempSync(join(tmpdir(), 'plume-export-')), (await download).suggestedFilename());
    expect(file).toMatch(/\.html$/);
    await (await download).saveAs(file);
    const exported = await app.context.newPage();
    const dialogs: string[] = [];
    exported.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await exported.goto(pathToFileURL(file).href);
    const inExport = await counts(exported.locator('section.message.assistant .md'));
    expect(inExport).toEqual(inWindow);
    expect(inExport).toMatchObject({ h1: 1, table: 1, blockquote: 1, '.katex': 2, 'input[type=checkbox]': 2 });
    const page2 = await exported.evaluate(() => ({
      scripts: document.scripts.length,
      meta: document.querySelector('section.message.assistant .message-meta')?.textContent ?? '',
      katexStyled: getComputedStyle(document.querySelector('.katex') as Element).fontFamily,
    }));
    expect(page2.scripts).toBe(0);
    // The provider's name as saved in Settings, never its internal id.
    expect(page2.meta).toMatch(/^OpenAI[^·]* · gpt-e2e · \d{4}-/);
    expect(page2.katexStyled).toMatch(/KaTeX_Main/);
    expect(dialogs).toEqual([]);
    if (shots) {
      await exported.setViewportSize({ width: 1280, height: 900 });
      await exported.screenshot({ path: join(shots, 'export-1280.png'), fullPage: true });
    }
    await exported.close();
  });
});

describe('several conversations', () => {
  it('Ctrl+click selects conversations in the sidebar; the export menu exports just those, in one file', async () => {
    const { page, fake } = await apps.withOpenAI();
    for (const question of ['First topic', 'Second topic', 'Third topic']) {
      await page.getByRole('button', { name: 'New chat' }).first().click(); // the sidebar's button, before any untitled row
      fake.replyText(`About the ${question.toLowerCase()}.`);
      await page.getByRole('textbox', { name: 'Message' }).fill(question);
      await page.getByRole('textbox', { name: 'Message' }).press('Enter');
      // This chat's own reply, not the one the previous chat left on screen.
      await expect.poll(() => lastReply(page).textContent(), { timeout: 30_000 }).toContain(`About the ${question.toLowerCase()}.`);
      await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    }
    const sidebar = page.getByRole('navigation', { name: 'Conversations' });
    await sidebar.getByRole('button', { name: 'First topic', exact: true }).click({ modifiers: ['Control'] });
    await sidebar.getByRole('button', { name: 'Third topic', exact: true }).click({ modifiers: ['Control'] });
    await expect.poll(() => sidebar.locator('[data-selected]').count()).toBe(2);
    if (shots) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await sidebar.screenshot({ path: join(shots, 'sidebar-selected-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    const download = page.waitForEvent('download');
    await exportFrom(page, { selected: 2 }, 'Markdown');
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(await (await download).path(), 'utf8');
    expect(text).toContain('# First topic');
    expect(text).toContain('# Third topic');
    expect(text).not.toContain('# Second topic');
  });
});

describe('your data', () => {
  it('Settings backs up, shows where backups live, and restores one (the current file kept aside first)', async () => {
    const { page } = await apps.withOpenAI();
    await page.getByRole('button', { name: 'Settings' }).click();
    const data = page.getByRole('region', { name: 'Your data' });
    await expect.poll(() => data.textContent()).toMatch(/backups/);
    await data.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => data.getByRole('status').textContent()).toBe('Backup taken.');
    await data.getByRole('button', { name: 'Restore this backup' }).click();
    await data.getByRole('group', { name: 'Confirm restore' }).getByRole('button', { name: 'Restore' }).click();
    // The window reloads onto the restored database.
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    for (const [width, scheme] of [[420, 'light'], [1280, 'dark']] as const) {
      if (!shots) break;
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('region', { name: 'Your data' }).getByRole('button', { name: 'Delete all data…' }).click();
      await page.getByRole('region', { name: 'Your data' }).screenshot({ path: join(shots, `data-${width}-${scheme}.png`) });
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Back to chat' }).click();
    }
  });

  it('a damaged database at start gets a page saying what is wrong; starting fresh keeps the file and opens the app', async () => {
    const app = await apps.start({ beforeStart: (dir) => writeFileSync(join(dir, 'plume.db'), 'not a database at all '.repeat(500)) });
    const { page } = app;
    await page.getByRole('heading', { name: 'Plume cannot open your conversations' }).waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/is damaged .*Plume did not change it/);
    if (shots) {
      for (const [width, scheme] of [[420, 'dark'], [1280, 'light']] as const) {
        await page.setViewportSize({ width, height: 700 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: join(shots, `recovery-${width}-${scheme}.png`) });
      }
    }
    await page.getByRole('button', { name: 'Start with an empty database' }).click();
    // The app proper: first run asks for a provider.
    await page.getByLabel('Base URL', { exact: true }).waitFor();
  });
});

describe('a clean stop', () => {
  it.skipIf(missing(existsSync(join(root, 'out/main/web.js')), 'the SIGTERM test needs the built host (out/main/web.js; the e2e global setup builds it)'))('SIGTERM closes the database: no WAL or SHM is left, plume.db alone is complete', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plume-sigterm-'));
    const child = spawn(process.execPath, [join(root, 'out/main/web.js')], {
      env: { ...process.env, PLUME_DATA_DIR: dataDir, PLUME_PORT: '0', PLUME_RENDERER_DIR: join(root, 'out/renderer') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await expect.poll(() => out, { timeout: 30_000 }).toMatch(/is running/);
    expect(existsSync(join(dataDir, 'plume.db-wal'))).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'plume.db-wal'))).toBe(false);
    expect(existsSync(join(dataDir, 'plume.db-shm'))).toBe(false);
  });
});

export type { Page };
