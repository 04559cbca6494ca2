// A one-line paragraph is rendered without the markdown parser when its inline markdown is certain
// (plain-inline.ts, Block.tsx and StreamingParagraph): whenever that path takes a text, the
// reader must get exactly what the parser would have shown, while it streams and once settled.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { oneShotHtml } from './one-shot-html.ts';
import { plainParagraph } from '../../../src/renderer/src/markdown/plain-inline.ts';
import { repairTail } from '../../../src/renderer/src/markdown/tail-repair.ts';
import { PlainInlines } from '../../../src/renderer/src/markdown/components/PlainInlines.tsx';
import { mixed, refsAtEnd } from '../../../bench/render/fixtures.ts';
import { seededRandom } from '../../../bench/support/random.ts';


/** The direct rendering, or null when the text is left to the parser. */
function direct(text: string): string | null {
  const pieces = plainParagraph(text);
  return pieces && renderToStaticMarkup(createElement('p', null, createElement(PlainInlines, { pieces })));
}

function expectSame(text: string): boolean {
  const mine = direct(text);
  if (mine === null) return false;
  expect(mine, JSON.stringify(text)).toBe(oneShotHtml(text));
  return true;
}

// Pieces that come close to every rule the direct path must get right: what starts a block at a
// line's start, emphasis flanking, code spans, links and images, autolink literals, entities,
// HTML, math, escapes, odd whitespace and line ends.
const FRAGMENTS = [
  'word', 'two words', 'x', '12', '4.56', ' ', '  ', '\t', '\u00a0', '\n', '\n\n', '\r', '\0', '*', '**', '***', '_', '__', '~', '~~',
  '`', '``', '[', ']', '](', ')', '(', '!', '![', '$$', ' $y$', 'https://example.com/a', 'http:', 'www.example.com', 'a@b.co',
  'mailto:x', '&amp;', '&', '<b>', '<', '>', '$', '$x$', '\\', '|', '.', ',', ':', ';', '?', '-', '- ', '1. ', '#', '# ', '> ',
  '===', '---', '    ', '[^1]', '[a]: /u', 'é', 'Ω',
  ' *word*', ' **two words**', ' _w_', '__w__', '*w*', ' ~~w~~', '~w~', ' `a b`', ' ` x `', ' [text](https://e.com/x)', ' [t](#f)', ' plain text',
];

function randomText(r: () => number): string {
  const n = 1 + Math.floor(r() * 8);
  let s = r() < 0.8 ? 'Text' : '';
  for (let i = 0; i < n; i++) s += FRAGMENTS[Math.floor(r() * FRAGMENTS.length)];
  return s;
}

describe('paragraphs rendered without the parser', () => {
  it('render exactly as parsed: text, code, emphasis, strike, math and links, trailing spaces and line ends dropped', () => {
    const texts = [
      'Plain words only.',
      'Some *em*, **strong**, `code()`, ~~gone~~, ~one~ and $x_1^2$ here.',
      'A [link](https://example.com/a) and [frag](#a), then _u_ and __uu__.',
      'Trailing spaces   ',
      'Finished paragraph.\n\n',
      'Cut off ** here',
      'Price is 5 $ today',
      'A lone * star and a ` tick',
      'Unsafe [bad](javascript:alert) link',
    ];
    for (const text of texts) expect(expectSame(text), text).toBe(true);
  });

  it('leave to the parser what it might read differently, or what is not a paragraph', () => {
    const texts = [
      '# Heading', '- item', '1. item', '> quote', '    indented', '---', '***', '<div>', '[a]: /url', '$$', '`code` first',
      'Two\nlines', 'Header\n===', 'a | b', 'see https://example.com', 'www.example.com', 'mail a@b.co', 'Escaped \\*',
      'Entity &amp;', 'Html <b>x</b>', 'Image ![i](https://e.com/i.png)', 'Ref [a][1]', 'Short [a]', 'Note[^1]', 'snake_case_name',
      'Nested **a *b* c**', 'Null \0 char', 'x'.repeat(5000),
    ];
    for (const text of texts) expect(direct(text), JSON.stringify(text)).toBeNull();
  });

  it('agree with the parser on every prefix of the fixtures paragraphs, as streamed and repaired, and on random texts', () => {
    let taken = 0;
    let tried = 0;
    const lines = [mixed(50_000, 4), mixed(25_000, 4), refsAtEnd()].flatMap((t) => t.split('\n')).filter((l) => /^\p{L}/u.test(l));
    for (const line of lines) {
      for (let end = 1; end <= line.length; end += 7) {
        const prefix = line.slice(0, end);
        for (const text of [prefix, repairTail(prefix, false)]) {
          tried++;
          if (expectSame(text)) taken++;
        }
      }
    }
    // Most of a model-like reply's paragraphs take the direct path, or it would not be worth having.
    expect(taken).toBeGreaterThan(tried / 2);
    const r = seededRandom(7);
    let randomTaken = 0;
    for (let i = 0; i < 4000; i++) if (expectSame(randomText(r))) randomTaken++;
    expect(randomTaken).toBeGreaterThan(200);
  });
});
