// Display math ($$…$$) is typeset by KaTeX after its block settles, often while the reply streams
// on below it. The plain block and the typeset formula take the same box, so Chromium records no
// layout shift of anything on screen when one replaces the other (counted, not timed). KaTeX's
// fonts arriving after a formula was laid out would move its rows too, so they are served slowly
// here (as a busy machine does) and the shifts are read once every font has arrived.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';
import { waitForReply } from './support/screens';
import { screenshotAll } from './support/screenshots';

const apps = perTestApp();
/** How late each KaTeX font arrives. */
const SLOW_FONT_MS = 500;

interface Shift {
  sources: string[];
}

/**
 * Records layout shifts of markdown blocks on screen. Arriving text only grows the last block, so
 * a block that moves up or down was pushed by an upgrade (a formula or code block changing size)
 * above it; the footer under a reply moves as text arrives and is not counted.
 */
function watchBlockShifts(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { blockShifts: Shift[] };
    w.blockShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] }[]) {
        const sources = entry.sources
          .filter((s) => s.previousRect.top < window.innerHeight && s.previousRect.bottom > 0)
          .filter((s) => Math.abs(s.currentRect.top - s.previousRect.top) > 0.5)
          .map((s) => (s.node instanceof Element ? s.node : s.node?.parentElement))
          .filter((el): el is Element => !!el && !!el.closest('.md-message'))
          .map((el) => `${el.tagName}.${el.className}`);
        if (sources.length) w.blockShifts.push({ sources });
      }
    }).observe({ type: 'layout-shift' });
  });
}

const blockShifts = (page: Page) => page.evaluate(() => (window as unknown as { blockShifts: Shift[] }).blockShifts);

describe('display math', () => {
  it('typesetting $$…$$ mid-stream and at the end shifts nothing on screen, with code below it', async () => {
    const { page, fake } = await apps.withOpenAI();
    // A KaTeX vlist row (an unclassed SPAN) once moved in a loaded full-suite run: its font came
    // after the formula. Slow fonts, and a fresh start to fetch them under that condition.
    await page.route(/KaTeX_/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, SLOW_FONT_MS));
      await route.continue();
    });
    await page.reload();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    await watchBlockShifts(page);
    const reply = [
      'The sum of the first squares:',
      '',
      '$$',
      '\\sum_{i=1}^{n} i^2 = \\frac{n(n+1)(2n+1)}{6}',
      '$$',
      '',
      ...Array.from({ length: 6 }, (_, i) => `Line ${i} of the explanation goes on for a while, arriving word by word.\n`),
      '```py',
      'def squares(n):',
      '    return sum(i * i for i in range(1, n + 1))',
      '```',
      '',
      'And Euler:',
      '',
      '$$',
      'e^{i\\pi} + 1 = 0',
      '$$',
      '',
    ].join('\n');
    fake.replyText(reply, { tokens: 120, everyMs: 15 });
    await send(page, 'Explain the sum of squares');
    await waitForReply(page);
    await expect.poll(() => lastReply(page).locator('.katex-display').count()).toBe(2);
    await expect.poll(() => lastReply(page).locator('[data-highlight="done"]').count()).toBe(1);
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    expect(await lastReply(page).getByTestId('math-pending').count()).toBe(0);
    expect(await blockShifts(page)).toEqual([]);
    await screenshotAll(page, 'display-math');
  });
});
