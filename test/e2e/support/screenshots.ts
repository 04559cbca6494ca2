// PNGs of the window at the two widths and both color schemes, for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright';

export const screenshotDir = (name: string) => join(import.meta.dirname, '../../../test-results', name);

/** Shoots `<prefix>-{420,1280}-{light,dark}.png`; `focus` is scrolled into view first. */
export async function shootLayouts(page: Page, dir: string, prefix: string, focus?: Locator): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const width of [420, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await focus?.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(dir, `${prefix}-${width}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
