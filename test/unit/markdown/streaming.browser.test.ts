import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openHarness } from './chromium.ts';
import { missing } from '../../support/skip-reason';
import type { Harness } from './chromium.ts';

let h: Harness;

beforeAll(async () => {
  if (hasChromium) h = await openHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

type Streamed = Awaited<ReturnType<Window['harness']['streamThenSettle']>>;
const cache = new Map<string, Promise<Streamed>>();
// Several tests look at the same stream of a fixture; it is replayed once per file.
const streamed = (text: string, deltas: 'tokens' | 'bursts' = 'tokens'): Promise<Streamed> => {
  const key = deltas + '\0' + text;
  let run = cache.get(key);
  if (!run) {
    run = h.page.evaluate(([t, d]) => window.harness.streamThenSettle(t, d), [text, deltas] as const);
    cache.set(key, run);
  }
  return run;
};
const settled = (text: string, mode: 'memo' | 'naive') =>
  h.page.evaluate(([t, m]) => window.harness.renderSettled(t, m), [text, mode] as const);
const fixture = (name: string) => h.page.evaluate((n) => window.harness.fixture(n), name);

/** The numeric block id at the end of a block key ("«r1»#12" → 12). */
const idOf = (key: string): number => Number(key.slice(key.lastIndexOf('#') + 1));

// Each stream replays one commit per delta (up to ~12,000 commits) in Chromium; under `npm test`
// the unit and e2e projects share two cores with browsers of their own, so a test may take a
// few times longer than alone (about 3 s at most here). 60 s leaves room without hiding a hang.
describe.skipIf(missing(hasChromium, 'no Chromium at /usr/bin/chromium (Debian chromium; .ci/run installs it)'))('MarkdownMessage in Chromium', { timeout: 60_000 }, () => {
  for (const name of ['mixed-10k', 'table-60-rows', 'refs-at-end', 'unclosed-fence-30k']) {
    it(`${name}: settled blocks never re-render while the tail grows`, async () => {
      const text = await fixture(name);
      const { commits } = await streamed(text);
      let tailId = -1;
      let rendered = 0;
      for (const keys of commits) {
        expect(keys.length).toBeLessThanOrEqual(2);
        for (const key of keys) expect(idOf(key)).toBeGreaterThanOrEqual(tailId);
        tailId = Math.max(tailId, ...keys.map(idOf));
        rendered += keys.length;
      }
      // Every delta changed the text, so every commit rendered the tail at least.
      expect(rendered).toBeGreaterThanOrEqual(commits.length);
    });
  }

  for (const name of ['mixed-2k', 'mixed-10k', 'mixed-50k', 'table-60-rows', 'refs-at-end', 'footnotes', 'unclosed-fence-30k']) {
    it(`${name}: the settled DOM after streaming equals a one-shot render`, async () => {
      const text = await fixture(name);
      const { html } = await streamed(text, text.length > 12_000 ? 'bursts' : 'tokens');
      const reference = await settled(text, 'naive');
      expect(html.length).toBeGreaterThan(text.length / 2);
      expect(html).toBe(reference);
    });
  }

  // The browser skips what is off screen a group of blocks at a time: a long reply then costs each
  // frame about what its visible end costs, without a per-block check in every frame.
  it('a long reply is held in groups of blocks, and the groups off screen are not drawn', async () => {
    const text = await fixture('mixed-50k');
    const boxes = await h.page.evaluate((t) => window.harness.skippedBoxes(t), text);
    expect(boxes.length).toBeGreaterThan(10);
    expect(boxes.filter((b) => !b.group)).toEqual([]);
    expect(boxes.filter((b) => b.blocks === 0)).toEqual([]);
    // Scrolled to the end: the first groups are skipped, the last one is drawn.
    expect(boxes[0]?.skipped).toBe(true);
    expect(boxes.at(-1)?.skipped).toBe(false);
    expect(boxes.filter((b) => !b.skipped).length).toBeLessThan(boxes.length / 4);
  });

  // References whose labels are defined, defined late, never defined (prose brackets), defined
  // inside the block itself, and ones whose brackets cross emphasis: blocks parsed once with
  // placeholder definitions must settle exactly as the whole text parses.
  it('late and missing references: the settled DOM after streaming equals a one-shot render', async () => {
    const text = [
      'Early [defined early][e] and [Late] one, with a[i] and [not a ref] in prose.',
      '[e]: https://example.com/early "Early"',
      'Crossed *a [b* c][nope] d* emphasis.',
      'Then *a [b* c][late] and [x *y][e] z* and [late][] and [e][missing] here.',
      '> A quote with [late] and [code `]` here][e].',
      '- a list [item][late]\n- and [another][nothing]',
      '| h | i |\n| - | - |\n| a [cell][late] | [e] |',
      'Local [here] and [there].\n\n[here]: https://example.com/here',
      '[dup]: https://example.com/first-dup',
      '[own]: https://example.com/own\n[dup]: https://example.com/second-dup\nMath $x_1^2$ with [dup] and [Own].',
      'Last [LATE  ] and [fin][final-label], and [unsafe][js].',
      '[late]: <https://example.com/late> "Late (title)"\n[final-label]: https://example.com/final\n[js]: javascript:alert(1)\n',
    ].join('\n\n');
    const { html } = await streamed(text);
    expect(html).toContain('href="https://example.com/late"');
    expect(html).toContain('[not a ref]');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('second-dup');
    expect(html).toBe(await settled(text, 'naive'));
  });

  // Replies that cite sources end with a block of definitions. Streamed, each link lights up
  // when its definition's line is complete, the definitions never show as text, and the commit
  // that ends the reply has nothing left to change, nor to parse (it is the reply's last frame).
  it('links light up as their definitions arrive at the end, and the reply ending changes nothing on screen', async () => {
    const text = ['Read [the guide][g] and [the spec][s].', 'More in [the guide][g].', '[g]: https://example.com/guide "Guide"\n[s]: <https://example.com/spec>\n'].join('\n\n');
    const { shapes, frames, atEnd, html } = await streamed(text);
    const linksOnceArrived = (upTo: number): number => shapes.find((s) => s.length >= upTo)?.links ?? -1;
    expect(linksOnceArrived(text.indexOf('[g]:'))).toBe(0);
    expect(linksOnceArrived(text.indexOf('[s]:'))).toBe(2);
    expect(shapes[shapes.length - 1]?.links).toBe(3);
    // Neither the definitions nor the brackets of a reference (its label arriving, or its
    // definition) show as text.
    for (const frame of frames) expect(frame).not.toMatch(/\]:|example\.com|[[\]]/);
    expect(atEnd.mutations).toBe(0);
    expect(atEnd.parsed).toBe(0);
    expect(html).toBe(await settled(text, 'naive'));
  });

  // A table's header row is a paragraph of pipes until its delimiter row arrives: it waits
  // unseen, then the table shows with its header before any body row.
  it('a table never shows its pipes while it arrives, and shows its header before its first row', async () => {
    const text = 'Compare them:\n\n| Name | Count | Ratio |\n| :-- | --: | :-: |\n| **a** | 1 | 0.5 |\n| b | 2 | `x` |\n\nThat is all.\n';
    const { shapes, frames, html } = await streamed(text);
    for (const frame of frames) expect(frame).not.toMatch(/[|]|--/);
    expect(shapes.some((s) => s.headerRows === 1 && s.bodyRows === 0)).toBe(true);
    expect(html).toBe(await settled(text, 'naive'));
  });

  // A formula shows its TeX until its closing "$$" is in, then typeset: never a fence, nor a
  // marker the streaming repair would add to text (the "_" of c_m closed as emphasis).
  it('a formula never shows its fences while it arrives', async () => {
    // Ending on the formula: its last frame has the closing fence and its line end, nothing after.
    const text = 'The total is\n\n$$\n\\sum_{m=1}^{12} c_m = 12 \\times c\n$$\n';
    const { frames, html } = await streamed(text);
    for (const frame of frames) expect(frame).not.toContain('$');
    expect(html).toBe(await settled(text, 'naive'));
  });

  // "[block]" in prose or a table cell, defined nowhere: the same text whether or not the block
  // was parsed expecting a definition, so ending the reply leaves that block alone.
  it('an undefined [word] in an earlier block: the reply ending changes nothing on screen', async () => {
    const text = ['A paragraph with a [note] in it, and a[i] too.', '| a | b |\n| - | - |\n| one | `x()` [block] |', 'The last paragraph, still arriving.'].join('\n\n');
    const { atEnd, html } = await streamed(text);
    expect(html).toContain('[block]');
    expect(atEnd.mutations).toBe(0);
    expect(html).toBe(await settled(text, 'naive'));
  });

  it('the block a reply ends on has its math typeset by the commit that ends it (KaTeX already loaded)', async () => {
    await settled('Loads $x$ KaTeX.', 'memo');
    const text = 'The last paragraph holds $a_1^2$ and $b$, then [a link](https://example.com/x) ends it.';
    const { atEnd, html } = await streamed(text);
    expect(atEnd.formulas).toBe(2);
    expect(html).toBe(await settled(text, 'naive'));
  });

  // Formulas are typeset as they complete, in idle time between frames, not when their block
  // settles: a reader sees typeset math while the reply streams on in the same paragraph or list,
  // a display formula shows its TeX (never half a formula in KaTeX's error red) until its closing
  // $$ arrives, and by the time the reply ends there is nothing left to change.
  it('math is typeset while the reply streams, display math once its $$ closes, and the end changes nothing', async () => {
    await settled('Loads $x$ KaTeX.', 'memo');
    const text = [
      'Sums of squares, as they stream.',
      '',
      '$$',
      '\\sum_{k=1}^{n} k^2 = \\frac{n(n+1)(2n+1)}{6}',
      '$$',
      '',
      '1. The first term is $a_1^2$ and it grows.',
      '2. The second is $\\frac{1}{2}$ of the rest, ' + 'and the list goes on for a while longer as the model keeps writing. '.repeat(6),
    ].join('\n');
    const { shapes, atEnd, html } = await h.page.evaluate((t) => window.harness.streamMathInFrames(t, 8, 3), text);
    const opened = text.indexOf('$$') + 3;
    const closed = text.indexOf('$$', opened) + 3;
    const open = shapes.filter((s) => s.length >= opened && s.length < closed);
    expect(open.length).toBeGreaterThan(3);
    for (const s of open) expect(s).toMatchObject({ formulas: 0, errors: 0, pending: 1 });
    // While the list still grows, its formulas are typeset (the display one above it too).
    const streaming = shapes.filter((s) => s.length > text.indexOf('of the rest') && s.length < text.length);
    expect(streaming.some((s) => s.formulas === 3 && s.pending === 0)).toBe(true);
    expect(shapes.every((s) => s.errors === 0)).toBe(true);
    expect(atEnd).toEqual({ mutations: 0, formulas: 3, parsed: 0 });
    expect(html).toBe(await settled(text, 'naive'));
  });

  // A reader selecting or reading a formula early in a long paragraph keeps it: the paragraph is
  // not built again when it grows long enough to stream in pieces, nor when it settles. A formula
  // further on, rebuilt when the settled paragraph is parsed whole, shows typeset all the while.
  it('a formula early in a paragraph stays the same element as the paragraph grows long, settles and the reply ends', async () => {
    await settled('Loads $x$ KaTeX.', 'memo');
    const paragraph =
      'The paragraph opens with $a_1^2$ and then ' + 'the model keeps writing about **things** at some length. '.repeat(10) + 'It closes on $b_2^3$ and more words to end it.';
    const text = 'Intro.\n\n' + paragraph + '\n\nThe next paragraph.';
    const { typesetAt, lostAt, typesetPerFrame, html } = await h.page.evaluate((t) => window.harness.streamKeepingFormula(t, 8), text);
    // Typeset while the paragraph was still short, long before it streamed in pieces.
    expect(typesetAt).not.toBeNull();
    expect(typesetAt as number).toBeLessThan(text.indexOf('$a_1^2$') + 200);
    expect(lostAt).toBeNull();
    // No frame shows fewer typeset formulas than the one before it.
    for (let i = 1; i < typesetPerFrame.length; i++) expect(typesetPerFrame[i], `frame ${i}`).toBeGreaterThanOrEqual(typesetPerFrame[i - 1] as number);
    expect(typesetPerFrame.at(-1)).toBe(2);
    expect(html).toBe(await settled(text, 'naive'));
  });

  it('a ```math fence is display math, typeset as a one-shot render typesets it', async () => {
    const text = 'Euler:\n\n```math\ne^{i\\pi} + 1 = 0\n```\n\nDone.';
    const { html } = await streamed(text);
    expect(html).toContain('katex-display');
    expect(html).not.toContain('md-code');
    expect(html).toBe(await settled(text, 'naive'));
  });

  // Each commit parses the item still arriving (at most ~110 characters, a loose list's stand-in
  // item included), not the whole list, and the list settles as a one-shot render shows it.
  const streamsItemByItem = async (text: string, list: string, after: string): Promise<string> => {
    const listStart = text.indexOf(list);
    const listEnd = text.indexOf(after);
    expect(listEnd - listStart).toBeGreaterThan(900);
    const { shapes, html } = await streamed(text);
    const inList = shapes.filter((s) => s.length > listStart + 400 && s.length < listEnd);
    expect(inList.length).toBeGreaterThan(40);
    for (const shape of inList) expect(shape.parsed).toBeLessThanOrEqual(150);
    expect(html).toBe(await settled(text, 'naive'));
    return html;
  };

  it('a growing list parses only its last item, and settles into a one-shot render', async () => {
    const items = Array.from({ length: 24 }, (_, i) =>
      i % 5 === 2 ? `- [${i % 2 ? 'x' : ' '}] task ${i} with **bold** and \`code()\`\n  - nested ${i} [link](https://example.com/${i})` : `- item ${i} says *something* useful, ending here`,
    );
    const html = await streamsItemByItem('A list:\n\n' + items.join('\n') + '\n\nAfter the list.', '- item 0', '\n\nAfter');
    expect(html).toContain('contains-task-list');
  });

  it('a growing loose list (blank lines between items) parses only its last item, and settles into a one-shot render', async () => {
    const items = Array.from({ length: 16 }, (_, i) =>
      i % 4 === 1
        ? `${i + 1}. **Step ${i}**: run \`make ${i}\` first\n${' '.repeat(String(i + 1).length + 2)}- then check [the log](https://example.com/${i})`
        : `${i + 1}. Step ${i} says *something* useful, ending here.`,
    );
    const html = await streamsItemByItem('Do this:\n\n' + items.join('\n\n') + '\n\nThat is all.', '1. Step', '\n\nThat is all');
    // Loose: every item is a paragraph, as in a one-shot render.
    expect(html).toContain('<li>\n<p>');
  });

  it('a long paragraph settling mid-reply parses only its last piece in that frame; its whole parse comes after, as a one-shot render', async () => {
    const sentence = 'The renderer keeps **finished** text as it was and [links](https://example.com/x) stay put. ';
    const paragraph = sentence.repeat(12).trim();
    const text = 'Intro.\n\n' + paragraph + '\n\nThe next paragraph starts here and goes on.';
    const { shapes, html } = await streamed(text);
    const ended = text.indexOf('\n\nThe next');
    const after = shapes.filter((s) => s.length > ended);
    expect(after.length).toBeGreaterThan(5);
    // Before, the frame that settled it parsed the whole ~1 KB paragraph.
    for (const shape of after) expect(shape.parsed).toBeLessThanOrEqual(250);
    expect(html).toBe(await settled(text, 'naive'));
  });

  it('a line indented short of its item\'s text ("10. " then three spaces) settles as a one-shot render', async () => {
    const steps = Array.from({ length: 11 }, (_, i) => `${i + 1}. Step ${i + 1} of the plan`).join('\n');
    const text = 'Plan:\n\n' + steps + '\n   - a detail that is not inside step 11\n12. Last step\n\nDone.';
    const { html } = await streamed(text);
    expect(html).toBe(await settled(text, 'naive'));
  });

  it('a list whose reply ends on a bare marker settles as a one-shot render', async () => {
    for (const text of ['Steps:\n\n- one\n- two\n-', 'Steps:\n\n1. one\n2. two\n3.']) {
      const { html } = await streamed(text);
      expect(html, text).toBe(await settled(text, 'naive'));
    }
  });

  // The whole 200k line takes react-markdown tens of seconds either way (super-linear emphasis
  // matching); its first 20k characters show the same thing in a test-sized time.
  it('long line (first 20k of long-line-200k): the split render equals a one-shot render', async () => {
    const text = (await fixture('long-line-200k')).slice(0, 20_000);
    expect(await settled(text, 'memo')).toBe(await settled(text, 'naive'));
  });

  it('table-60-rows: a growing table shows one header and every arrived row, parsing only its last rows', async () => {
    const text = await fixture('table-60-rows');
    const tableStart = text.indexOf('| Name');
    const tableEnd = text.indexOf('\n\nThat is all');
    expect(tableEnd - tableStart).toBeGreaterThan(3000);
    const { shapes } = await streamed(text);
    let lastRows = 0;
    let checked = 0;
    let maxParsed = 0;
    for (const shape of shapes) {
      const arrived = text.slice(0, shape.length);
      // From the first complete body row until the table is done.
      if (shape.length < text.indexOf('| row 0 |') + 10 || shape.length > tableEnd) continue;
      checked++;
      const complete = arrived.slice(tableStart).split('\n').slice(2, -1).length;
      expect(shape.tables).toBe(1);
      expect(shape.headerRows).toBe(1);
      expect(shape.bodyRows).toBeGreaterThanOrEqual(Math.max(complete, lastRows));
      expect(shape.bodyRows).toBeLessThanOrEqual(complete + 1);
      lastRows = shape.bodyRows;
      if (complete > 20) maxParsed = Math.max(maxParsed, shape.parsed);
    }
    expect(checked).toBeGreaterThan(500);
    expect(lastRows).toBe(60);
    // Every row is drawn from its cells, the one cut at "(https:" too (GFM links a bare URL only
    // from "://"): past its first rows, no frame parses any of the table.
    expect(maxParsed).toBe(0);
  });

  for (const name of ['table-40-rows', 'table-60-rows']) {
    it(`${name}: each commit renders only the rows that arrived in it (and the one still arriving)`, async () => {
      const text = await fixture(name);
      const tableStart = text.indexOf('| Name');
      const tableEnd = text.indexOf('\n\nThat is all');
      const { shapes } = await streamed(text);
      let previousRows = 0;
      let checked = 0;
      let rendered = 0;
      for (const shape of shapes) {
        // From the first body row (header and delimiter complete) to the end of the last row.
        if (shape.length < text.indexOf('| row 0 |') + 2 || shape.length > tableEnd) {
          previousRows = shape.bodyRows;
          continue;
        }
        checked++;
        const arrived = shape.bodyRows - previousRows;
        expect(shape.rowRenders).toBeLessThanOrEqual(arrived + 1);
        rendered += shape.rowRenders;
        previousRows = shape.bodyRows;
      }
      const rows = Number(name.split('-')[1]);
      expect(checked).toBeGreaterThan(rows * 10);
      // One row per commit, give or take the commits that complete a row and start the next.
      expect(rendered).toBeLessThan(checked + rows + 1);
      expect(tableEnd).toBeGreaterThan(tableStart);
    });
  }

  for (const name of ['table-40-rows', 'table-60-rows']) {
    it(`${name}: settling keeps the table and its rows (no remount, no re-parse of final rows)`, async () => {
      const text = await fixture(name);
      const tableEnd = text.indexOf('\n\nThat is all');
      const { shapes, tableKept } = await streamed(text);
      // From the end of the last row on: the blank line, the promotion, the paragraph after it.
      const after = shapes.filter((s) => s.length > tableEnd);
      expect(after.length).toBeGreaterThanOrEqual(2);
      for (const shape of after) expect(shape.rowRenders).toBeLessThanOrEqual(1);
      expect(tableKept).toBe(true);
    });
  }

  it('code-20k streamed in frames: lit part by part as it grows, so closing the fence leaves at most two parts to light, and it ends as a one-shot render', { timeout: 120_000 }, async () => {
    const text = await fixture('code-20k');
    const { atClose, html } = await h.page.evaluate((t) => window.harness.streamCodeInFrames(t, 120), text);
    expect(atClose).not.toBeNull();
    expect(atClose?.parts).toBeGreaterThan(10);
    expect(atClose?.highlightedParts).toBeGreaterThanOrEqual((atClose?.parts ?? 0) - 2);
    expect(html).toBe(await settled(text, 'naive'));
  });

  // A reply read as it arrives: the code being typed is coloured down to its last line (as
  // Streamdown colours it live), not only once the fence closes, and the end of the reply or of
  // the fence finds nothing left to change.
  it('a reply ending inside an unclosed fence: its last lines are coloured before it ends, and the end changes nothing on screen', { timeout: 120_000 }, async () => {
    // Cut mid-line, as a reply that stops inside a fence usually is.
    const text = (await fixture('unclosed-fence-30k')).slice(0, 3_050);
    expect(text.endsWith('\n')).toBe(false);
    const run = await h.page.evaluate((t) => window.harness.streamCodeAndEnd(t, 60, t.length), text);
    expect(run.litLastFrames).toBeGreaterThan(0);
    expect(run.atPause.status).toBe('done');
    expect(run.atPause.lastPartTokens).toBeGreaterThan(0);
    expect(run.atPause.highlightedParts).toBe(run.atPause.parts);
    expect(run.sameBlock).toBe(true);
    expect(run.changesAtEnd).toBe(0);
    expect(run.blockChanges).toBe(0);
    expect(run.html).toBe(await settled(text, 'naive'));
  });

  it('a fence closing mid-reply: lit to its last line before it closes, so closing it and ending the reply change nothing in it', { timeout: 120_000 }, async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `const item${i} = await load("item-${i}", { retries: ${i % 3} }); // ${i}`);
    const text = `Here it is:\n\n\`\`\`ts\n${lines.join('\n')}\n\`\`\`\n\nThat is all.\n`;
    const run = await h.page.evaluate((t) => window.harness.streamCodeAndEnd(t, 60, t.indexOf('```\n\nThat')), text);
    expect(run.litLastFrames).toBeGreaterThan(0);
    expect(run.atPause.status).toBe('done');
    expect(run.atPause.lastPartTokens).toBeGreaterThan(0);
    expect(run.sameBlock).toBe(true);
    expect(run.blockChanges).toBe(0);
    expect(run.html).toBe(await settled(text, 'naive'));
  });

  it('never shows the raw markers of bold, code or a link while they stream in', async () => {
    const text = 'Some **bold words** and `inline code` and [a link](https://example.com/x) end.';
    const { frames, html } = await streamed(text);
    expect(frames.length).toBeGreaterThan(10);
    for (const frame of frames) {
      expect(frame).not.toMatch(/\*\*|`|\]\(|\[a/);
    }
    expect(html).toContain('<strong>bold words</strong>');
    expect(html).toContain('href="https://example.com/x"');
  });

  for (const name of ['code-20k', 'code-200k']) {
    // 200 KB swapped in a few parts per idle period takes a while on a loaded machine.
    it(`${name}: the plain block shows at once, lights up without moving, and ends as a one-shot render`, { timeout: 180_000 }, async () => {
      const text = await fixture(name);
      const code = /```ts\n([\s\S]*)```/.exec(text)?.[1] ?? '';
      const watched = await h.page.evaluate((t) => window.harness.watchHighlight(t), text);
      const { mount, final, highlightedPerFrame } = watched;
      // The first frame already shows every line, plain.
      expect(mount.status).toBe('pending');
      expect(mount.text).toBe(code);
      expect(mount.highlightedParts).toBe(0);
      expect(mount.parts).toBeGreaterThan(code.length / 2000);
      // Highlighted in the end, all of it.
      expect(final.status).toBe('done');
      expect(final.text).toBe(code);
      expect(final.highlightedParts).toBe(final.parts);
      expect(final.tokens).toBeGreaterThan(code.length / 50);
      // Parts light up and never go back to plain; 200 KB takes many idle periods of at most
      // 4 ms each, so some frames show it part-highlighted. (Slice lengths are bench figures.)
      for (let i = 1; i < highlightedPerFrame.length; i++) {
        expect(highlightedPerFrame[i]).toBeGreaterThanOrEqual(highlightedPerFrame[i - 1] ?? 0);
      }
      if (name === 'code-200k') expect(highlightedPerFrame.some((n) => n > 0 && n < final.parts)).toBe(true);
      // Same box and the same last line position before and after: nothing moved.
      expect(final.box).toEqual(mount.box);
      expect(final.lastPartBottom).toBe(mount.lastPartBottom);
      const oneShot = await h.page.evaluate((t) => window.harness.watchHighlight(t, 'naive'), text);
      expect(watched.html).toBe(oneShot.html);
    });
  }

  it('shows an open fence as a code block while streaming and highlights it once closed', async () => {
    const text = 'Intro\n\n```ts\nconst a: number = 1;\n```\n\nAfter.\n';
    const { frames, html } = await streamed(text);
    const open = frames.find((f) => f.includes('const a'));
    expect(open).toBeDefined();
    expect(open).not.toContain('```');
    expect(html).toContain('data-highlight="done"');
    expect(html).toContain('<span class="md-code-lang">ts</span>');
    expect(html).toContain('hljs-keyword');
  });
});
