// Where the conversation view sits: a conversation opens on its latest message, sending brings
// your message into view, and a floating button (with a hint while a reply arrives below) jumps
// back to the end. Markdown upgrades (highlighting, math) never shift what is on screen.
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';
import { openConversation, waitForReply } from './support/screens';

const apps = perTestApp();
const LONG = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${'words flow by '.repeat(14)}\n\n`).join('') + '```js\nconst last = "the end";\n```\n\nThe very last line.\n';

const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const gap = (list: Locator) => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

async function inView(list: Locator, target: Locator): Promise<boolean> {
  const outer = await list.boundingBox();
  const inner = await target.boundingBox();
  return !!outer && !!inner && inner.y >= outer.y - 1 && inner.y + Math.min(inner.height, 40) <= outer.y + outer.height + 1;
}

describe('scrolling the conversation', () => {
  it('opens a conversation at its latest message, and sending while scrolled up brings the new message into view', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyText(LONG, { tokens: 30 });
    await send(page, 'A long one');
    await waitForReply(page);
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await openConversation(page, /A long one/);
    const list = log(page);
    await expect.poll(() => gap(list)).toBeLessThan(40);
    expect(await inView(list, page.getByText('The very last line.'))).toBe(true);

    await list.hover();
    await page.mouse.wheel(0, -1500);
    await expect.poll(() => gap(list)).toBeGreaterThan(800);
    fake.replyText('Short.');
    await send(page, 'Look here');
    const mine = page.getByTestId('message-user').last();
    await expect.poll(() => mine.textContent()).toContain('Look here');
    await expect.poll(() => inView(list, mine)).toBe(true);
  });

  it('a floating Jump to latest says when a reply is arriving below the view, and jumps back to following it', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyText(LONG + LONG, { tokens: 400, everyMs: 25 });
    await send(page, 'Stream a lot');
    const list = log(page);
    await expect.poll(() => list.evaluate((el) => el.scrollHeight > el.clientHeight * 2), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('button', { name: /Jump to latest/ }).count()).toBe(0);
    await list.hover();
    await page.mouse.wheel(0, -800);
    const jump = page.getByRole('button', { name: 'Jump to latest: the reply is still arriving' });
    await expect.poll(() => jump.isVisible()).toBe(true);
    expect(await jump.textContent()).toContain('New text below');
    await jump.click();
    await expect.poll(() => gap(list)).toBeLessThan(40);
    await expect.poll(() => page.getByRole('button', { name: /Jump to latest/ }).count()).toBe(0);
    await waitForReply(page);
    // Following resumed: the end of the reply is in view when it completes.
    await expect.poll(() => inView(list, lastReply(page).getByText('The very last line.').last())).toBe(true);

    await list.hover();
    await page.mouse.wheel(0, -800);
    const idle = page.getByRole('button', { name: 'Jump to latest' });
    await expect.poll(() => idle.isVisible()).toBe(true);
  });

  it('tables keep words whole and scroll sideways inside the message', async () => {
    const { page, fake } = await apps.withOpenAI();
    await page.setViewportSize({ width: 420, height: 800 });
    fake.replyText('| Provider | Context window | Streaming | Attachments | Reasoning |\n| --- | --- | --- | --- | --- |\n| Anthropic | 200,000 tokens | supported | images, documents | extended thinking |\n| OpenAI | 128,000 tokens | supported | images | reasoning effort |\n');
    await send(page, 'Table');
    await waitForReply(page);
    const table = lastReply(page).locator('table');
    // Each header cell is one line tall: no word was split across lines.
    const heights = await table.locator('th').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).offsetHeight));
    const cellLine = await table.locator('td').first().evaluate((c) => (c as HTMLElement).offsetHeight);
    expect(Math.max(...heights)).toBeLessThanOrEqual(cellLine * 2);
    const words = await table.locator('th').allTextContents();
    expect(words).toEqual(['Provider', 'Context window', 'Streaming', 'Attachments', 'Reasoning']);
    expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('a code line longer than the window scrolls sideways inside its block, to its last character', async () => {
    const { page, fake } = await apps.withOpenAI();
    await page.setViewportSize({ width: 420, height: 800 });
    // Wide characters and a tab on the way: the line's end must still be reachable.
    fake.replyText('Here:\n\n```ts\nconst key = "' + '漢字'.repeat(10) + '\t' + 'x'.repeat(120) + 'TAIL";\nrun(key);\n```\n\nDone.\n');
    await send(page, 'One long line');
    await waitForReply(page);
    const pre = lastReply(page).locator('pre');
    await expect.poll(() => lastReply(page).locator('[data-highlight="done"]').count()).toBe(1);
    expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await pre.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    // The line's end is on screen inside the block, and it is what the pointer finds there (a
    // clipped line would leave the block's background, or nothing of the code, at that point).
    const tail = await pre.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf('TAIL');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + 4);
        const r = range.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { inside: r.left >= box.left && r.right <= box.right, hit: !!hit && n.parentNode!.contains(hit) };
      }
      return null;
    });
    expect(tail).toEqual({ inside: true, hit: true });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('an inline formula wider than the line scrolls sideways inside it, to its last symbol', async () => {
    const { page, fake } = await apps.withOpenAI();
    await page.setViewportSize({ width: 420, height: 800 });
    // No operator between the symbols: KaTeX cannot break the line inside this formula.
    const long = Array.from({ length: 30 }, (_, i) => `x_{${i}}`).join('') + 'Z';
    fake.replyText(`Short $x_3^2$ and long $${long}$ ends here.\n`);
    await send(page, 'A long formula');
    await waitForReply(page);
    const formula = lastReply(page).locator('.katex').nth(1);
    await expect.poll(() => formula.locator('.katex-html').count()).toBe(1);
    expect(await formula.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await formula.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const last = await formula.evaluate((el) => {
      const glyph = [...el.querySelectorAll('.katex-html .mord')].find((g) => g.textContent === 'Z')!;
      const r = glyph.getBoundingClientRect();
      const block = el.closest('p')!.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { inside: r.left >= block.left && r.right <= block.right, hit: !!hit && glyph.contains(hit) };
    });
    expect(last).toEqual({ inside: true, hit: true });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('no layout shift above the fold when a code block is highlighted or inline math is typeset', async () => {
    const { page, fake } = await apps.withOpenAI();
    // Upgrades happen when a block settles; ending each reply with the block makes that moment the
    // end of the stream, so every shift after it comes from the upgrade, not from arriving text.
    await page.evaluate(() => {
      const w = window as unknown as { shifts: { at: number; sources: string[] }[]; completedAt: number[] };
      w.shifts = [];
      w.completedAt = [];
      new MutationObserver((records) => {
        // The frame that shows the reply complete may still lay out its last line of text (that
        // moves the footer down): upgrades come after it, so the count starts one frame later.
        for (const r of records) {
          if ((r.target as Element).getAttribute('data-state') === 'complete') requestAnimationFrame(() => requestAnimationFrame(() => w.completedAt.push(performance.now())));
        }
      }).observe(document.body, { subtree: true, attributeFilter: ['data-state'] });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { startTime: number; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] }[]) {
          // Something on screen moved up or down: text arriving only adds below, and a footer
          // rearranging its own buttons moves them sideways.
          const sources = entry.sources
            .filter((s) => s.previousRect.top < window.innerHeight && s.previousRect.bottom > 0)
            .filter((s) => Math.abs(s.currentRect.top - s.previousRect.top) > 0.5)
            .filter((s) => s.node && document.querySelector('.message-list')?.contains(s.node))
            .map((s) => (s.node instanceof Element ? s.node.className || s.node.tagName : String(s.node?.nodeName)));
          if (sources.length) w.shifts.push({ at: entry.startTime, sources });
        }
      }).observe({ type: 'layout-shift' });
    });
    const replies = [
      ['Code', 'Intro line.\n\n```ts\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n```\n', '[data-highlight="done"]'],
      ['Math', 'Energy is $E = mc^2$ and the sum is $a_i + b_i$ here.\n', '.katex'],
    ] as const;
    const afterUpgrades: unknown[] = [];
    for (const [question, answer, upgraded] of replies) {
      fake.replyText(answer, { tokens: 20, everyMs: 20 });
      await send(page, question);
      await waitForReply(page);
      await expect.poll(() => lastReply(page).locator(upgraded).count()).toBeGreaterThan(0);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      afterUpgrades.push(
        ...(await page.evaluate(() => {
          const w = window as unknown as { shifts: { at: number; sources: string[] }[]; completedAt: number[] };
          const done = w.completedAt.at(-1) ?? Infinity;
          const found = w.shifts.filter((s) => s.at >= done);
          w.shifts = [];
          return found;
        })),
      );
    }
    expect(afterUpgrades).toEqual([]);
  });
});
