// PNGs of the window at 420 and 1280 px, light and dark, for a person to look at. Only when
// PLUME_SCREENSHOTS names a folder: the pictures are for review, not assertions.
import type { Page } from 'playwright';

const WIDTHS = [420, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

export async function screenshotAll(page: Page, name: string): Promise<void> {
  const folder = process.env.PLUME_SCREENSHOTS;
  if (!folder) return;
  const before = page.viewportSize();
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${folder}/${name}-${width}-${scheme}.png` });
    }
  }
  if (before) await page.setViewportSize(before);
  await page.emulateMedia({ colorScheme: null });
}
