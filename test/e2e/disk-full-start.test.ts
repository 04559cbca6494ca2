// Browser mode started on a full disk (the host under `ulimit -f 0`: no file may grow): the window
// opens on the user's history, read-only, under a banner saying why and what to do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { type HostProcess, startHostProcess } from './support/host-process';
import { screenshotDir, shootLayouts } from './support/screenshots';

let host: HostProcess | null = null;
let browser: Browser | null = null;
let dir = '';
afterEach(async () => {
  await browser?.close();
  await host?.stop();
  browser = host = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('starting with a full disk', () => {
  it('shows the history read-only under a banner that says why', { timeout: 120_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'plume-full-disk-'));
    // A history written while there was space: a provider and one conversation.
    const before = await startHostProcess(dir);
    const { provider } = await before.rpc<{ provider: { id: string } }>('providers:save', { name: 'Local', kind: 'openai', baseURL: 'http://127.0.0.1:9/v1', model: 'm' });
    const kept = await before.rpc<{ id: string }>('conversations:create', { providerId: provider.id, model: 'm' });
    await before.rpc('conversations:rename', { id: kept.id, title: 'Kept history' });
    await before.stop();

    host = await startHostProcess(dir, { fileSizeLimitKb: 0 });
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${host.origin}/#token=${host.token}`);
    const banner = page.getByRole('alert').filter({ hasText: 'Disk full' });
    await expect.poll(() => banner.textContent()).toContain('Disk full — Plume opened your history read-only. Free space and restart.');
    // The app itself, not the recovery page: the history is listed.
    await expect.poll(() => page.getByRole('button', { name: 'Kept history', exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Plume cannot open your conversations' }).count()).toBe(0);
    await shootLayouts(page, screenshotDir('disk-full-start'), 'read-only');
  });
});
