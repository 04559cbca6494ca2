// axe-core in Chromium on every main screen and dialog, light and dark, wide and narrow: no
// serious or critical violation (contrast, names, roles, focus order as axe sees them).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { perTestApp } from './support/per-test';
import { resetWindow, SCREENS, seedConversations } from './support/screens';

const apps = perTestApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe-core audit', () => {
  it('onboarding has no serious or critical violations', async () => {
    const { page } = await apps.start();
    await page.getByRole('button', { name: 'Save provider' }).waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      expect(await seriousViolations(page), `onboarding (${theme})`).toEqual([]);
    }
  });

  it('every main screen and dialog, at 420 and 1280 px, light and dark', async () => {
    const { page, fake } = await apps.withOpenAI();
    await seedConversations(page, fake);
    for (const [width, theme] of [[1280, 'light'], [420, 'dark'], [1280, 'dark'], [420, 'light']] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 800 });
      for (const screen of SCREENS) {
        await resetWindow(page);
        await screen.open(page);
        expect(await seriousViolations(page), `${screen.name} at ${width} px (${theme})`).toEqual([]);
      }
    }
  }, 240_000);
});
