// A list item of one line whose inline markdown is certain is drawn without the parser
// (StreamingList): the list must still render exactly as a parse of the whole list does, tight
// or loose, bullet or ordered, while it streams (items repaired) and once settled.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { oneShotHtml } from './one-shot-html.ts';
import { listChunks } from '../../../src/renderer/src/markdown/list-tail.ts';
import { repairTail } from '../../../src/renderer/src/markdown/tail-repair.ts';
import { renderStats } from '../../../src/renderer/src/markdown/render-stats.ts';
import { StreamingList } from '../../../src/renderer/src/markdown/components/StreamingList.tsx';
import { mixed } from '../../../bench/render/fixtures.ts';
import { seededRandom } from '../../../bench/support/random.ts';


/** The list as StreamingList draws it: settled, or as the streaming tail. Null when not cut into items. */
function drawn(text: string, settled: boolean): string | null {
  const list = listChunks(text, !settled);
  if (!list) return null;
  return renderToStaticMarkup(createElement(StreamingList, { info: { key: 'k', settled }, list, definitions: '' }));
}

function expectSame(text: string): boolean {
  const mine = drawn(text, true);
  if (mine === null) return false;
  expect(mine, JSON.stringify(text)).toBe(oneShotHtml(text));
  return true;
}

const ITEM_TEXTS = [
  'Plain words', 'Some *em* and **strong** and `code()`', 'A [link](https://example.com/a) here', 'Math $x_1^2$ and ~~gone~~',
  '[ ] a task', '[x] done task', 'Escaped \\* star', 'Html <b>x</b>', 'www.example.com', '12 monkeys', 'Nested **a *b* c**',
  'Trailing spaces   ', 'Ends with a lone *', '`code` first', '# heading inside', '> quote inside',
  '*em* first', '**strong** first', '[link](https://example.com/b) first', '$y$ first', '~~gone~~ first', '[a ref][r] first',
  '* a star item', '***', '```', '[X]  two spaces *em*', '[ ] # not a heading', '[x]', '[ ]\tTab',
];

describe('list items drawn without the parser', () => {
  it('render each list as a whole-list parse does: tight and loose, bullets and numbers, nested lists, items the parser must read among them', () => {
    const r = seededRandom(11);
    const parsedBefore = renderStats.parsedChars;
    let cut = 0;
    for (let n = 0; n < 500; n++) {
      const ordered = r() < 0.5;
      const start = 1 + Math.floor(r() * 9);
      const loose = r() < 0.4;
      const items = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => {
        const marker = ordered ? `${start + i}.` : '-';
        let item = `${marker} ${ITEM_TEXTS[Math.floor(r() * ITEM_TEXTS.length)]}`;
        // A nested list, indented from one space short of the item's text to five past it,
        // bullets or numbers starting at 1 or 2, sometimes with a line continuing its item.
        if (r() < 0.4) {
          const indent = ' '.repeat(Math.max(0, marker.length + Math.floor(r() * 7) - 1));
          const nestedOrdered = r() < 0.4;
          const from = r() < 0.7 ? 1 : 2;
          for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
            item += `\n${indent}${nestedOrdered ? `${from + k}.` : '*'} ${ITEM_TEXTS[Math.floor(r() * ITEM_TEXTS.length)]}`;
            if (r() < 0.1) item += `\n${indent}   more text`;
          }
        }
        return item;
      });
      if (expectSame(items.join(loose ? '\n\n' : '\n') + '\n')) cut++;
    }
    expect(cut).toBeGreaterThan(300);
    // Most of those items took the direct path: far less was parsed than the lists hold.
    expect(renderStats.parsedChars - parsedBefore).toBeLessThan(500 * 80);
  });

  it("a loose list's stand-in item never shows while the next item's marker arrives", () => {
    for (const prefix of ['1. **Choose** well: a step.\n\n2. ', '- `a` first\n\n- ', '1. Plain step.\n\n2. ', '3) [link](https://e.com) step\n\n4) ']) {
      const mine = drawn(prefix, false) ?? '';
      expect(mine, JSON.stringify(prefix)).not.toMatch(/>x</);
      expect(mine.match(/<li>/g)?.length, JSON.stringify(prefix)).toBe(1);
    }
  });

  it('agree with the parser on the fixtures lists, settled and at every stage of streaming', () => {
    const text = mixed(50_000, 4);
    // Runs of blank-line-separated chunks that start with a marker: one list each (loose when
    // its items are chunks of their own).
    const lists: string[] = [];
    let run: string[] = [];
    for (const chunk of [...text.split('\n\n'), '']) {
      if (/^(?:- |\d+\. )/.test(chunk)) run.push(chunk);
      else if (run.length > 0) [lists[lists.length], run] = [run.join('\n\n'), []];
    }
    expect(lists.length).toBeGreaterThan(5);
    let cut = 0;
    for (const list of lists) {
      if (expectSame(list + '\n')) cut++;
      // While it streams, each prefix is drawn from repaired items; it must show what the
      // repaired prefix parses to.
      for (let end = 3; end < list.length; end += 11) {
        const prefix = list.slice(0, end);
        // Not comparable: a list whose only item is a bare marker (it shows nothing yet), or one
        // shown loose already because a marker follows a blank line (the repair hides that
        // marker, so the parse is tight). Line breaks between items may differ while a marker
        // arrives.
        const repaired = repairTail(prefix, false);
        const whole = oneShotHtml(repaired).replace(/>\s+</g, '><');
        const mine = drawn(prefix, false)?.replace(/>\s+</g, '><');
        const looseAhead = listChunks(prefix, true)?.loose === true && !/\n[ \t]*\n\S/.test(repaired);
        // The stand-in item a loose list's items are parsed with never shows, even while the
        // next item's marker arrives after a blank line.
        expect(mine ?? '', JSON.stringify(prefix)).not.toMatch(/<[uo]l[^>]*><li>x<\/li><\/[uo]l>/);
        if (mine != null && /^<[uo]l/.test(whole) && !looseAhead) expect(mine, JSON.stringify(prefix)).toBe(whole);
      }
    }
    expect(cut).toBeGreaterThan(lists.length / 2);
  });
});
