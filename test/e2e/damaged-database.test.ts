// A damaged conversation database in the window: the recovery page offers to open it read-only,
// the app then works read-only under a banner saying so (conversations readable, sending refused
// with the reason), and damage that only the check after start finds is reported by a banner
// too, each with a way to Settings → Your data. The file never changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../support/fake-providers';
import { READABLE_TEXT, READABLE_TITLE, writeDamagedButReadable, writeDamageOnlyTheCheckFinds } from '../support/store/damaged-file';
import { addProvider, send } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();
const shots = process.env.PLUME_SCREENSHOTS;

async function screenshots(page: Page, name: string): Promise<void> {
  if (!shots) return;
  for (const width of [420, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 700 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(shots, `${name}-${width}-${scheme}.png`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('a damaged database in the window', () => {
  it('"Open read-only" from the recovery page: conversations readable under a banner, nothing saved, the file unchanged', async () => {
    let bytes: Uint8Array = new Uint8Array();
    const app = await apps.start({ beforeStart: (dir) => (bytes = writeDamagedButReadable(join(dir, 'plume.db'))) });
    const { page } = app;
    await page.getByRole('heading', { name: 'Plume cannot open your conversations' }).waitFor();
    await screenshots(page, 'recovery-read-only-offer');
    await page.getByRole('button', { name: 'Open read-only' }).click();

    const banner = page.getByRole('alert').filter({ hasText: /read-only/i }).first();
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/opened your damaged conversation database read-only/);
    // Providers live outside the database: one can still be added to read with.
    const fake = apps.track(await startFakeOpenAI());
    await addProvider(page, { baseURL: fake.baseURL, apiKey: 'sk-e2e-0123456789', model: 'gpt-e2e' });
    await page.getByRole('button', { name: READABLE_TITLE }).click();
    await expect.poll(() => page.getByTestId('message-user').first().textContent()).toContain(READABLE_TEXT);
    await screenshots(page, 'read-only-banner');

    await send(page, 'Can I still write?');
    // The banner says it once; the refused message says it again, inline.
    await expect.poll(() => page.getByText(/opened your damaged conversation database read-only, so nothing can be changed/).count()).toBeGreaterThan(1);
    expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);

    await banner.getByRole('button', { name: 'Open Data & backups' }).click();
    const data = page.getByRole('region', { name: 'Your data' });
    await expect.poll(() => data.getByRole('heading', { name: 'Your data' }).evaluate((h) => document.activeElement === h)).toBe(true);
    expect(await data.textContent()).toMatch(/open read-only: nothing can be changed/);
    // Read-only: SQLite has not written a byte into the damaged file.
    expect(Buffer.compare(readFileSync(join(app.dataDir, 'plume.db')), bytes)).toBe(0);
  });

  it('damage found by the check after start shows a banner over the working app, with the way to Data & backups', async () => {
    const app = await apps.start({ beforeStart: (dir) => writeDamageOnlyTheCheckFinds(join(dir, 'plume.db')) });
    const { page } = app;
    // The app starts as usual (first run asks for a provider); the check answers a moment later.
    await page.getByLabel('Base URL', { exact: true }).waitFor();
    const banner = page.getByRole('alert').filter({ hasText: 'SQLite found damage' });
    await banner.waitFor({ timeout: 30_000 });
    const fake = apps.track(await startFakeOpenAI());
    await addProvider(page, { baseURL: fake.baseURL, apiKey: 'sk-e2e-0123456789', model: 'gpt-e2e' });
    await screenshots(page, 'check-damage-banner');
    await banner.getByRole('button', { name: 'Open Data & backups' }).click();
    const data = page.getByRole('region', { name: 'Your data' });
    await expect.poll(() => data.getByRole('alert').first().textContent()).toMatch(/SQLite found damage in .*restore a backup/s);
  });
});
