// A plain table row is rendered without the markdown parser (table-cells.ts, PlainTableRow):
// whenever that path takes a row, the reader must get exactly what the parser would have shown.
import { describe, expect, it } from 'vitest';
import { createElement, Fragment } from 'react';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import { REMARK_PLUGINS } from '../../../src/shared/markdown/grammar.ts';
import { COMPONENTS } from '../../../src/renderer/src/markdown/plugins.ts';
import { safeUrl } from '../../../src/renderer/src/markdown/safe-url.ts';
import { alignments, plainRowCells } from '../../../src/renderer/src/markdown/table-cells.ts';
import { PlainTableRow } from '../../../src/renderer/src/markdown/components/PlainTableRow.tsx';
import { tableChunks } from '../../../src/renderer/src/markdown/table-tail.ts';
import { FIXTURES, mixed } from '../../../bench/render/fixtures.ts';
import { seededRandom } from '../../../bench/support/random.ts';

const HEADER = '| Name | Count | Ratio | Note |';
const DELIMITER = '| --- | ---: | :---: | :-- |';
const pass = ({ children }: { children?: ReactNode }) => createElement(Fragment, null, children);
const BODY_ONLY = { ...COMPONENTS, table: pass, thead: () => null, tbody: pass };

/** What react-markdown shows for the row under the header (its body row alone). */
const parsed = (row: string): string =>
  renderToStaticMarkup(createElement(Markdown, { remarkPlugins: REMARK_PLUGINS, components: BODY_ONLY, urlTransform: safeUrl }, `${HEADER}\n${DELIMITER}\n${row}\n`));

/** The direct rendering, or null when the row is left to the parser. */
function direct(row: string): string | null {
  const aligns = alignments(DELIMITER);
  const cells = plainRowCells(row, aligns.length);
  return cells && renderToStaticMarkup(createElement(PlainTableRow, { cells, aligns }));
}

// Pieces that come close to every rule the direct path must get right: emphasis flanking, code
// spans, links and images, autolink literals, entities, HTML, math, escapes, odd whitespace.
const FRAGMENTS = [
  'word', 'two words', 'x', '12', '4.56', ' ', ' ', '  ', '\t', '\u00a0', '*', '**', '***', '_', '__', '~', '~~', '`', '``',
  '[', ']', '](', ')', '(', '!', '![', '$$', ' $y$', 'https://example.com/a', 'http:', 'https:', ' (https:', 'http:/', 'HTTPS:x', 'https:/e.com', 'www.example.com', 'a@b.co', 'mailto:x',
  '&amp;', '&', '<b>', '<', '>', '$', '$x$', '\\|', '\\', '|', '.', ',', ':', ';', '?', '-', '#', '[^1]', 'é',
  // Well-formed markup, so that many random cells are plain enough to take the direct path.
  ' *word*', ' **two words**', ' _w_', '__w__', '*w*', ' ~~w~~', '~w~', ' `a b`', ' ` x `', ' [text](https://e.com/x)', ' [t](#f)', ' plain text',
  ' [t][l]', '[t][]', ' [a]', '[b] ', ' https://e.com/p.', '(https://e.com/x)', 'https://examp', ' [w](https://e.c', 'https://e.com/a?b=1#c',
  ' https://e-x.com:80/p;q,', 'https://.', ' http://a_b.c', 'https://e.com/~u', ' **w*', '*w**', ' __w_', '_w__', '**w* ',
];

function randomCell(r: () => number): string {
  const n = 1 + Math.floor(r() * 7);
  let s = '';
  for (let i = 0; i < n; i++) s += FRAGMENTS[Math.floor(r() * FRAGMENTS.length)];
  return s;
}

function expectSame(row: string): boolean {
  const mine = direct(row);
  if (mine === null) return false;
  expect(mine, row).toBe(parsed(row));
  return true;
}

describe('table rows rendered without the parser', () => {
  it('render exactly as parsed: text, code, emphasis, strike, links and alignments', () => {
    const rows = [
      '| row 1 | 12 | 3.40 | plain words |',
      '| a | *em* | **strong** and `code()` | ~~gone~~ and ~one~ |',
      '| [link](https://example.com/a) | _u_ and __uu__ | ` spaced ` | `x` |',
      '| only two | cells |',
      '| five | cells | in | this | row |',
      'no | leading | pipe |',
      '|   | empty first |  | |',
      '| [bad](javascript:alert) | [frag](#a) | tail **bold**. | (parens) |',
      '| math $x_1^2$ | $ y $ | cut off ** | `open and [open |',
      '| a ] b | ~~~ | x _ y | done |',
      // A marker with nothing to pair with in its cell, as a row cut mid-sentence leaves it.
      '| **unclosed | x |',
      '| $x^2 | x |',
      '| $a$ and $b | x |',
      '| `a` stay and $x_ | it*s | a ~~b | __c |',
      // References whose definitions never came: their source, as written.
      '| see [ref][1] | and [this][] |',
      // Bare URLs, and a link cut short (as a row cut mid-sentence leaves one).
      '| see https://example.com/a. | [cut](https://exam |',
      '| **bold** [lit](more | x |',
      // A link cut at its scheme: text, as the parser shows it (GFM links bare URLs only from "://").
      '| is almost [all](https: | http:/x and HTTPS:y |',
      '| [costs](https://example.com/costs) **it* | *odd** |',
    ];
    for (const row of rows) expect(expectSame(row), row).toBe(true);
  });

  it('leave to the parser what it might read differently', () => {
    const rows = [
      '| a\\|b | c |',
      '| **a *b | x |',
      '| *a* and *b | x |',
      '| www.example.com | x |',
      '| a@b.co | x |',
      '| &amp; | x |',
      '| <b>x</b> | x |',
      '| ![img](https://example.com/i.png) | x |',
      '| [ref][1][2] | x |',
      '| [ref][1](u) | x |',
      '| snake_case_name | x |',
      '| __a__b | x |',
      '|',
    ];
    for (const row of rows) expect(direct(row), row).toBeNull();
  });

  it('agree with the parser on every row of the fixtures and on random cells built from tricky pieces', () => {
    let taken = 0;
    let tried = 0;
    const fixtureRows = [FIXTURES['table-60-rows']?.() ?? '', mixed(50_000, 4)]
      .flatMap((text) => text.split('\n'))
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Name') && !line.startsWith('| ---'));
    for (const row of fixtureRows) {
      tried++;
      if (expectSame(row)) taken++;
    }
    // Most model-like rows take the direct path, or it would not be worth having.
    expect(taken).toBeGreaterThan(tried / 2);
    const r = seededRandom(3);
    let randomTaken = 0;
    for (let i = 0; i < 3000; i++) {
      const row = '| ' + Array.from({ length: 1 + Math.floor(r() * 4) }, () => randomCell(r)).join(' | ') + ' |';
      if (expectSame(row)) randomTaken++;
    }
    expect(randomTaken).toBeGreaterThan(100);
  });

  it('header rows: drawn as parsed when their cells are plain, on the fixtures and on random cells', () => {
    const HEAD_ONLY = { ...COMPONENTS, table: pass, thead: pass };
    const aligns = alignments(DELIMITER);
    const sameHead = (header: string): boolean => {
      const cells = plainRowCells(header, aligns.length);
      if (!cells) return false;
      const mine = renderToStaticMarkup(createElement(PlainTableRow, { cells, aligns, head: true }));
      const theirs = renderToStaticMarkup(createElement(Markdown, { remarkPlugins: REMARK_PLUGINS, components: HEAD_ONLY, urlTransform: safeUrl }, `${header}\n${DELIMITER}\n`));
      expect(mine, header).toBe(theirs);
      return true;
    };
    expect(sameHead(HEADER)).toBe(true);
    expect(sameHead('| **Name** | `Count` | [Ratio](https://e.com/r) | $x$ |')).toBe(true);
    const r = seededRandom(11);
    const WELL_FORMED = FRAGMENTS.slice(FRAGMENTS.indexOf(' *word*'));
    let taken = 0;
    for (let i = 0; i < 3000; i++) {
      // Four cells, as the delimiter row has: a pipe in a cell would make it another table's header.
      const cell = (): string => (r() < 0.6 ? (WELL_FORMED[Math.floor(r() * WELL_FORMED.length)] ?? '') : randomCell(r).replace(/\\?\|/g, 'p'));
      const header = '| ' + Array.from({ length: 4 }, cell).join(' | ') + ' |';
      if (sameHead(header)) taken++;
    }
    expect(taken).toBeGreaterThan(300);
  });

  it('a growing table leaves out a row that is only its opening pipe; a settled one keeps it for the parser', () => {
    const table = `${HEADER}\n${DELIMITER}\n| a | 1 | 2 | x |\n`;
    expect(tableChunks(table + '|', true)).toEqual(tableChunks(table, true));
    expect(tableChunks(table + '| ', true)?.length).toBe(2);
    expect(tableChunks(table + '| b', true)?.length).toBe(3);
    expect(tableChunks(table + '|', false)?.length).toBe(3);
  });
});
