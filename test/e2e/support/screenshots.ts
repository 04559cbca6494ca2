// PNGs of the window at 420 and 1280 px, light and dark, for a person to look at: the pictures
// are for review, not assertions.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright';

const WIDTHS = [420, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Only when PLUME_SCREENSHOTS names a folder. */
export async function screenshotAll(page: Page, name: string): Promise<void> {
  const folder = process.env.PLUME_SCREENSHOTS;
  if (!folder) return;
  const before = page.viewportSize();
  await shootLayouts(page, folder, name);
  if (before) await page.setViewportSize(before);
  await page.emulateMedia({ colorScheme: null });
}

export const screenshotDir = (name: string) => join(import.meta.dirname, '../../../test-results', name);

/** Shoots `<prefix>-{420,1280}-{light,dark}.png`; `focus` is scrolled into view first. */
export async function shootLayouts(page: Page, dir: string, prefix: string, focus?: Locator): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await focus?.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(dir, `${prefix}-${width}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
