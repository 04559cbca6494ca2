// Shared setup for the tests that render in real Chromium: a production build of the bench page
// (the real components), served locally, one browser per test file.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { CHROMIUM, buildPage, launch, serve } from '../../../bench/render/serve.ts';

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`[markdown] skipping Chromium tests: ${CHROMIUM} is missing`);

export interface Harness {
  page: Page;
  dialogs: string[];
  close: () => Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'plume-md-test-'));
  await buildPage(dir);
  const server = await serve(dir);
  const browser: Browser = await launch();
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => dialogs.push(`pageerror: ${e.message}`));
  await page.goto(server.url);
  await page.waitForFunction(() => 'harness' in window);
  return {
    page,
    dialogs,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
