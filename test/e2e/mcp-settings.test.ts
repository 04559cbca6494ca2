// Settings → MCP servers in the real window: adding a local server shows its exact command line
// and asks before it runs; once allowed it starts and lists its tools with their schemas.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { perTestApp } from './support/per-test';
import { screenshotDir, shootLayouts } from './support/screenshots';

const apps = perTestApp();
const shots = screenshotDir('mcp-settings');
const EVERYTHING = join(import.meta.dirname, '../../node_modules/@modelcontextprotocol/server-everything/dist/index.js');

describe('MCP servers in Settings', () => {
  it('asks for consent with the exact command, then starts the server and lists its tools', async () => {
    const { page } = await apps.withOpenAI();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Add MCP server' }).click();
    const form = page.getByRole('form', { name: 'Add an MCP server' });
    await form.getByLabel('Server name').fill('Everything');
    await form.getByLabel('Command', { exact: true }).fill(process.execPath);
    await form.getByLabel('Arguments, one per line').fill(`${EVERYTHING}\nstdio\nan argument with spaces`);
    await form.getByLabel('Environment, NAME=value per line').fill('DEMO_TOKEN=secret-value-1234567');
    await form.getByRole('button', { name: 'Save MCP server' }).click();

    const server = page.getByRole('listitem', { name: 'MCP server Everything' });
    const consent = server.getByRole('group', { name: 'Allow Everything to run' });
    await consent.waitFor();
    // Untruncated, quoted where a shell would need it, and nothing has run yet.
    expect(await consent.getByLabel('Exact command line').textContent()).toBe(`${process.execPath} ${EVERYTHING} stdio 'an argument with spaces'`);
    expect(await consent.textContent()).toContain('DEMO_TOKEN=');
    expect(await page.content()).not.toContain('secret-value-1234567');
    expect(await server.getByRole('status').textContent()).toBe('Waiting for your permission to run');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'consent-1280-light.png'), fullPage: true });

    await consent.getByRole('button', { name: 'Allow and start' }).click();
    await expect.poll(() => server.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Ready with \d+ tools \(stdio\)$/);
    const tools = server.getByRole('list', { name: 'Tools of Everything' });
    const echo = tools.getByRole('checkbox', { name: 'echo' });
    expect(await echo.isChecked()).toBe(true);
    await echo.click(); // saved in main first, then shown
    await expect.poll(() => echo.isChecked()).toBe(false);
    const policy = tools.getByRole('combobox', { name: 'Policy for get-sum' });
    await policy.selectOption('deny');
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    // Saved in main: the choices survive a reload.
    await expect.poll(() => tools.getByRole('combobox', { name: 'Policy for get-sum' }).inputValue()).toBe('deny');
    expect(await tools.getByRole('checkbox', { name: 'echo' }).isChecked()).toBe(false);
    await shootLayouts(page, shots, 'ready', server);
  });
});
