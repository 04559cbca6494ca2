// A one-line paragraph is rendered without the markdown parser when its inline markdown is certain
// (plain-inline.ts, Block.tsx and StreamingParagraph): whenever that path takes a text, the
// reader must get exactly what the parser would have shown, while it streams and once settled.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { oneShotHtml } from './one-shot-html.ts';
import { plainBlock, plainParagraph } from '../../../src/renderer/src/markdown/plain-inline.ts';
import { repairTail } from '../../../src/renderer/src/markdown/tail-repair.ts';
import { PlainInlines } from '../../../src/renderer/src/markdown/components/PlainInlines.tsx';
import { PlainBlockView } from '../../../src/renderer/src/markdown/components/PlainBlockView.tsx';
import { LateDefinitionsContext, lateDefinitions, pendingReferences } from '../../../src/renderer/src/markdown/late-references.ts';
import type { LateDefinitions } from '../../../src/renderer/src/markdown/late-references.ts';
import { mixed, refsAtEnd } from '../../../bench/render/fixtures.ts';
import { seededRandom } from '../../../bench/support/random.ts';


const NONE = lateDefinitions('', true);

/** The direct rendering, with the message's definitions in context, or null when the text is left to the parser. */
function direct(text: string, defs: LateDefinitions = NONE): string | null {
  const pieces = plainParagraph(text);
  const p = pieces && createElement('p', null, createElement(PlainInlines, { pieces }));
  return p && renderToStaticMarkup(createElement(LateDefinitionsContext.Provider, { value: defs }, p));
}

/**
 * What the parser shows for the text: with the definitions after it, and while the reply streams,
 * each full reference not defined yet as an inert link (the tail's placeholders, pendingReferences).
 */
function parsed(text: string, defs: LateDefinitions): string {
  const pending = defs.final ? '' : pendingReferences(text, defs.byId);
  return oneShotHtml([text, defs.text, pending].filter((t) => t !== '').join('\n\n'));
}

function expectSame(text: string, defs: LateDefinitions = NONE): boolean {
  const mine = direct(text, defs);
  if (mine === null) return false;
  expect(mine, JSON.stringify(text)).toBe(parsed(text, defs));
  return true;
}

// Pieces that come close to every rule the direct path must get right: what starts a block at a
// line's start, emphasis flanking, code spans, links and images, autolink literals, entities,
// HTML, math, escapes, odd whitespace and line ends.
const FRAGMENTS = [
  'word', 'two words', 'x', '12', '4.56', ' ', '  ', '\t', '\u00a0', '\n', '\n\n', '\r', '\0', '*', '**', '***', '_', '__', '~', '~~',
  '`', '``', '[', ']', '](', ')', '(', '!', '![', '$$', ' $y$', 'https://example.com/a', 'http:', 'https:', ' (https:', 'http:/', 'HTTPS:x', 'https:/e.com', 'www.example.com', 'a@b.co',
  'mailto:x', '&amp;', '&', '<b>', '<', '>', '$', '$x$', '\\', '|', '.', ',', ':', ';', '?', '-', '- ', '1. ', '#', '# ', '> ',
  '===', '---', '    ', '[^1]', '[a]: /u', 'é', 'Ω', '[t][l]', ' [two words][L]', '[t][]', ' [s0][]', '[x][nope]', '][', ' [^1][l]', ' [a]', '[b] ', ' [l]',
  ' https://e.com/p.', '(https://e.com/x)', 'https://examp', ' [w](https://e.c', 'https://e.com/a?b=1#c', ' https://e-x.com:80/p;q,', 'https://.',
  ' http://a_b.c', 'https://e.com/~u', ' **w*', '*w**', ' __w_', '_w__', '**w* ', ' https://e.com)', 'https://e.com/a)b',
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
      'Short [a] and a[i], shortcuts defined nowhere, and Two [a][1] [b].',
      'Cut **bold* here, then more.', 'An *odd** one.', '__u_ first',
      'See https://example.com/a?b=1#c. And (https://e.com/x), http://e.com:80/p;q, and [cut](https://exam',
      '`code` first', '*em* first', '**strong** first', '_u_ first', '~~gone~~ first', '$x$ first', '[link](https://e.com/x) first',
    ];
    for (const text of texts) expect(expectSame(text), text).toBe(true);
  });

  it('leave to the parser what it might read differently, or what is not a paragraph', () => {
    const texts = [
      '# Heading', '- item', '1. item', '> quote', '    indented', '---', '***', '<div>', '[a]: /url', '$$', '$$x$$',
      '* item', '** strong?', '* * *', '___', '```js', '``x``', '~~~', '[^1]: note', '[a]:/u', '![i](https://e.com/i.png) first',
      'Two\nlines', 'Header\n===', 'a | b', 'www.example.com', 'mail a@b.co', 'Escaped \\*',
      'Entity &amp;', 'Html <b>x</b>', 'Image ![i](https://e.com/i.png)', 'Ref then [a][1][2]', 'Ref then [a][1](u)',
      'Footnote-like [^a][1]', 'Ref with *em* [a *b*][1]', 'Note[^1]', 'snake_case_name',
      'Nested **a *b* c**', 'Null \0 char', 'x'.repeat(5000),
    ];
    for (const text of texts) expect(direct(text), JSON.stringify(text)).toBeNull();
  });

  it('show a reference as its link once defined, its text while its definition may still come, and its source if the reply ended without it', () => {
    const defined = lateDefinitions('[s0]: https://example.com/source/0 "Source 0"\n[docs]: https://example.com/docs\n[two words]: https://e.com/2', true);
    const texts = ['See [source 0][s0] and [the docs][docs].', 'A collapsed [Two  Words][] one, [case][DOCS] folded.', '[Docs][docs] first.', 'A shortcut [Docs] and [s0](https://exa'];
    for (const text of texts) expect(expectSame(text, defined), text).toBe(true);
    expect(direct(texts[0] ?? '', defined)).toContain('<a title="Source 0" href="https://example.com/source/0"');
    // Streaming, definitions not arrived: the text only, in the inert link style, never brackets.
    const waiting = lateDefinitions('[docs]: https://example.com/docs', false);
    expect(expectSame('See [source 0][s0] and [the docs][docs].', waiting)).toBe(true);
    expect(direct('See [source 0][s0].', waiting)).toBe('<p>See <a class="md-link-inert">source 0</a>.</p>');
    // Ended without them: the source as written, even when the text alone is a defined label.
    const ended = lateDefinitions('[source 0]: https://e.com/x', true);
    for (const text of ['See [source 0][s0].', 'See [t][] here.']) expect(expectSame(text, ended), text).toBe(true);
    expect(direct('See [source 0][s0].', ended)).toBe('<p>See [source 0][s0].</p>');
  });

  it('headings (one-line ATX, setext), quotes and paragraphs of several lines: drawn as parsed when their text is certain, left to the parser otherwise', () => {
    const block = (text: string): string | null => {
      const b = plainBlock(text);
      return b && renderToStaticMarkup(createElement(PlainBlockView, { block: b }));
    };
    const r = seededRandom(29);
    const quote = (): string => ['', '', '> ', '>', '> > ', ' > ', '>\t', '    > '][Math.floor(r() * 8)] ?? '';
    let taken = 0;
    for (let i = 0; i < 6000; i++) {
      const hashes = '#'.repeat(1 + Math.floor(r() * 7));
      const kind = r();
      const text =
        kind < 0.4
          ? `${quote()}${r() < 0.1 ? ' ' : ''}${hashes}${[' ', '  ', '\t', ''][Math.floor(r() * 4)]}${randomText(r)}${r() < 0.2 ? ' #' : ''}`
          : kind < 0.7
            ? `${quote()}${randomText(r)}${r() < 0.2 ? '\n> more' : ''}`
            : `${randomText(r)}\n${[' ', '', '    '][Math.floor(r() * 3)]}${['=', '---', '===  ', '-- -', '*'][Math.floor(r() * 5)]}`;
      const mine = block(text);
      if (mine === null) continue;
      taken++;
      expect(mine, JSON.stringify(text)).toBe(oneShotHtml(text));
    }
    expect(taken).toBeGreaterThan(400);
    // Paragraphs of several lines, bare and quoted (a quote's every line marked, or some lazy):
    // lines of model-like inline markup, what may start another block, and what may end a line.
    const pick = (xs: readonly string[]): string => xs[Math.floor(r() * xs.length)] ?? '';
    const STARTS = [...Array<string>(90).fill('Line'), 'é', '', ' ', '    ', '- ', '1. ', '# ', '* ', '[a]: /u ', '===', '---', '<b>', '`', '*', '[x', '(', '|', '$$', '*em* ', '**b**', '`c` ', '[a] ', '[t][a]', '[a]: /u', '[t](https://e.com/x) ', '$x$ ', '~~s~~ ', '***', '* * *', '__', '[ ] '];
    const SAFE = [' word', ' two words', ' *em*', ' **strong**', ' `code`', ' [t](https://e.com/x)', ' $x$', ' [a]', ' [t][a]', ' https://e.com/p.', ' ~~s~~'];
    const INLINE = [...Array<readonly string[]>(7).fill(SAFE).flat(), ' *', ' `', ' [', ']', ' _', ',', ' **', ' |', ' &amp;', ' a_b'];
    const ENDS = [...Array<string>(60).fill(''), ' ', '  ', '\\', ' *', '`', ']', '[b]', '*'];
    let lines = 0;
    for (let i = 0; i < 6000; i++) {
      const marks = r() < 0.5 ? ['', '', ''] : [quote(), quote(), quote()];
      const n = 2 + Math.floor(r() * 3);
      const text = Array.from({ length: n }, (_, k) => `${r() < 0.8 ? (marks[k % 3] ?? '') : (marks[0] ?? '')}${pick(STARTS)}${pick(INLINE)}${pick(INLINE)}${pick(ENDS)}`).join('\n');
      const mine = block(text);
      if (mine === null) continue;
      if (mine.includes('\n')) lines++;
      expect(mine, JSON.stringify(text)).toBe(oneShotHtml(text));
    }
    expect(lines).toBeGreaterThan(300);
    expect(block('> One line\n> and another.')).toBe('<blockquote>\n<p>One line\nand another.</p>\n</blockquote>');
    expect(block('## Section 1')).toBe('<h2>Section 1</h2>');
    expect(block('Setext heading 7\n---------------\n\n')).toBe('<h2>Setext heading 7</h2>');
    expect(block('> A **quoted** line.')).toBe('<blockquote>\n<p>A <strong>quoted</strong> line.</p>\n</blockquote>');
    for (const text of ['####### seven', '#no space', '## closed ##', '##', '## ', '## a\nb']) expect(block(text), text).toBeNull();
  });

  it('agree with the parser on bare URLs: where a link ends, what trails it, what may come before it', () => {
    const r = seededRandom(23);
    const pick = (xs: readonly string[], max: number): string => Array.from({ length: Math.floor(r() * (max + 1)) }, () => xs[Math.floor(r() * xs.length)]).join('');
    const before = ['', '', '(', '[a](', '[', '*', 'x', '_'];
    const domain = ['e', 'x-y', 'com', '80', '.', '-', '_', 'ü'];
    const path = ['/', '?', '#', ':', ';', ',', '=', '+', 'p', 'q', '.', ')', '(', '_', '~', '%', '@', '&', '!', '*'];
    const after = ['.', ',', ')', '?', ':', ';', '!', '*', '_', ' more', ' ', ''];
    let links = 0;
    for (let i = 0; i < 6000; i++) {
      const text = `See ${pick(before, 1)}${r() < 0.5 ? 'https' : 'http'}://${pick(domain, 4)}${pick(path, 4)}${pick(after, 3)}`;
      if (expectSame(text) && direct(text)?.includes('<a ')) links++;
    }
    expect(links).toBeGreaterThan(300);
  });

  it('agree with the parser on every prefix of the fixtures paragraphs, as streamed and repaired, and on random texts', () => {
    let taken = 0;
    let tried = 0;
    // Its paragraphs' lines, which start with a word or with inline markup; the references one's
    // with its definitions, as they stand while it streams (none yet) and once it has ended.
    const refs = refsAtEnd();
    const ended = lateDefinitions(refs.slice(refs.indexOf('\n[s0]:') + 1).trim(), true);
    const waiting = lateDefinitions('', false);
    const lines = [mixed(50_000, 4), mixed(25_000, 4), refs].flatMap((t) => t.split('\n')).filter((l) => /^[\p{L}*_`$~]|^\[(?!s\d)/u.test(l));
    for (const line of lines) {
      for (let end = 1; end <= line.length; end += 7) {
        const prefix = line.slice(0, end);
        for (const text of [prefix, repairTail(prefix, false)]) {
          tried++;
          if (expectSame(text)) taken++;
          if (text.includes('][')) {
            expectSame(text, ended);
            expectSame(text, waiting);
          }
        }
      }
    }
    // Most of a model-like reply's paragraphs take the direct path, or it would not be worth having.
    expect(taken).toBeGreaterThan(tried / 2);
    const r = seededRandom(7);
    let randomTaken = 0;
    // Each random text with no definitions, with some, and while definitions are still coming.
    const some = lateDefinitions('[l]: https://e.com/l "T"\n[s0]: https://e.com/s0', true);
    const coming = lateDefinitions('[l]: https://e.com/l "T"', false);
    for (let i = 0; i < 4000; i++) {
      const text = randomText(r);
      if (expectSame(text)) randomTaken++;
      expectSame(text, some);
      expectSame(text, coming);
    }
    expect(randomTaken).toBeGreaterThan(200);
  });
});
