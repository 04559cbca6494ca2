import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { takeVerifiedChars } from '../../../src/renderer/src/markdown/split/verify.ts';
import { finalDocument, splitMarkdown, tailFence, tailOf } from '../../../src/renderer/src/markdown/index.ts';
import type { SplitState } from '../../../src/renderer/src/markdown/index.ts';
import { FIXTURES } from '../../../bench/render/fixtures.ts';
import { tokenDeltas } from '../../../bench/render/deltas.ts';

const plugins = [remarkGfm, remarkMath];
const html = (md: string): string =>
  renderToStaticMarkup(createElement(Markdown, { remarkPlugins: plugins }, md)).replace(/>\s+</g, '><');

/** Feeds `text` one character at a time, as the worst case of tiny deltas. */
function stream(text: string, step = 1): SplitState {
  let s: SplitState | null = null;
  for (let i = 0; i <= text.length; i += step) s = splitMarkdown(s, text.slice(0, i));
  return splitMarkdown(s, text);
}

const raws = (s: SplitState): string[] => s.blocks.map((b) => b.raw);

/** What the component renders once settled: every block alone, definitions appended where used. */
function settledHtml(s: SplitState): string {
  const doc = finalDocument(s);
  const pieces = [...s.blocks.map((b) => ({ raw: b.raw, refs: b.usesRefs })), { raw: tailOf(s), refs: true }];
  return pieces.map(({ raw, refs }) => html(refs && doc.definitions ? `${raw}\n\n${doc.definitions}` : raw)).join('');
}

describe('splitter: hard cases', () => {
  it('keeps a paragraph in the tail until a setext underline can no longer arrive', () => {
    const s1 = stream('Intro.\n\nTitle\n');
    expect(raws(s1)).toEqual(['Intro.\n\n']);
    expect(tailOf(s1)).toBe('Title\n');
    const s2 = splitMarkdown(s1, 'Intro.\n\nTitle\n=====\n\nBody\n');
    expect(raws(s2)).toEqual(['Intro.\n\n', 'Title\n=====\n\n']);
    expect(html(s2.blocks[1]?.raw ?? '')).toBe('<h1>Title</h1>');
  });

  it('does not split a loose list at its blank lines, nor promote it before a non-item line', () => {
    const s = stream('- a\n\n- b\n\n- c\n');
    expect(s.blocks).toHaveLength(0);
    const t = splitMarkdown(s, '- a\n\n- b\n\n- c\n\nAfter.\n');
    expect(raws(t)).toEqual(['- a\n\n- b\n\n- c\n\n']);
    expect(html(t.blocks[0]?.raw ?? '')).toContain('<li><p>a</p></li>');
  });

  it('waits for the line after a list to finish: "2" may still become "2."', () => {
    const s = stream('1. one\n\n2');
    expect(s.blocks).toHaveLength(0);
    const grown = splitMarkdown(s, '1. one\n\n2. two\n\nEnd\n');
    expect(raws(grown)).toEqual(['1. one\n\n2. two\n\n']);
    const para = stream('1. one\n\n2\n\nEnd\n');
    expect(raws(para)).toEqual(['1. one\n\n', '2\n\n']);
  });

  it('keeps indented continuation and indented code inside their block', () => {
    expect(raws(stream('- item\n\n  more of it\n\nAfter\n'))).toEqual(['- item\n\n  more of it\n\n']);
    expect(raws(stream('    code a\n\n    code b\n\nText\n'))).toEqual(['    code a\n\n    code b\n\n']);
  });

  it('never splits inside a fence, math block or multi-line HTML comment', () => {
    expect(raws(stream('```js\na\n\nb\n```\n\nAfter\n'))).toEqual(['```js\na\n\nb\n```\n\n']);
    expect(raws(stream('~~~~\n```\n\nx\n~~~~\n\nAfter\n'))).toEqual(['~~~~\n```\n\nx\n~~~~\n\n']);
    expect(raws(stream('$$\na\n\nb\n$$\n\nAfter\n'))).toEqual(['$$\na\n\nb\n$$\n\n']);
    expect(raws(stream('<!--\n\nhidden\n\n-->\n\nAfter\n'))).toEqual(['<!--\n\nhidden\n\n-->\n\n']);
  });

  it('reports an open fence in the tail so it can render as code', () => {
    const s = stream('Text\n\n```py\nx = 1\n\ny');
    expect(raws(s)).toEqual(['Text\n\n']);
    expect(tailFence(s)).toBe('whole');
    expect(tailFence(stream('Text\n```py\nx'))).toBe('inside');
    // An opener after a blank line starts the tail on its own, so the tail is the fence alone.
    expect(tailFence(stream('Text\n\n```'))).toBe('whole');
    expect(tailFence(stream('Text\n```'))).toBe('inside');
    expect(tailFence(stream('Text\n\n```\n'))).toBe('whole');
    expect(tailFence(stream('Text\n\nplain'))).toBe('none');
  });

  it('treats a table as a paragraph until its delimiter row, then keeps the rows together', () => {
    const s = stream('Intro\n\n| a | b |\n');
    expect(raws(s)).toEqual(['Intro\n\n']);
    const t = splitMarkdown(s, 'Intro\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nAfter\n');
    expect(raws(t)).toEqual(['Intro\n\n', '| a | b |\n| - | - |\n| 1 | 2 |\n\n']);
    expect(html(t.blocks[1]?.raw ?? '')).toContain('<td>2</td>');
  });

  it('resolves references whose definitions arrive at the end', () => {
    const text = 'See [the docs][d] and [x].\n\nMore.\n\n[d]: https://example.com/d "Docs"\n[x]: <https://example.com/a b>\n';
    const s = stream(text);
    expect(s.blocks[0]?.usesRefs).toBe(true);
    const doc = finalDocument(s);
    expect(doc.definitions).toContain('[d]: <https://example.com/d> "Docs"');
    expect(settledHtml(s)).toBe(html(text));
    expect(settledHtml(s)).toContain('href="https://example.com/a%20b"');
  });

  it('keeps escapes and character references in definition labels, wherever the definition stands', () => {
    const defs = '[escaped\\]]: https://example.com/e\n[a&amp;b]: https://example.com/amp\n[Ünïcode Label]: https://example.com/u\n';
    const refs = 'See [escaped\\]], [a&amp;b] and [ünïcode label].';
    for (const text of [`${refs}\n\nMore.\n\n${defs}`, `${defs}\n${refs}\n\nMore.\n`]) {
      const s = stream(text);
      expect(settledHtml(s)).toBe(html(text));
      expect(settledHtml(s)).toContain('href="https://example.com/e"');
      expect(settledHtml(s)).toContain('href="https://example.com/amp"');
    }
  });

  it('relies on the real parser when a fence inside a list is ended by its container', () => {
    const text = '- item\n  ```\n  code\n```\ntext\n\nmore\n```\n\nend\n';
    const s = stream(text);
    expect(settledHtml(s)).toBe(html(text));
  });

  it('flags footnotes so the settled render can number them over the whole message', () => {
    const s = stream('Claim.[^1]\n\nMore.\n\n[^1]: Note.\n');
    expect(finalDocument(s).footnotes).toBe(true);
    expect(finalDocument(stream('Plain.\n\nText.\n')).footnotes).toBe(false);
  });
});

describe('splitter: extension versus rewrite', () => {
  it('reuses the previous work when the text only grows', () => {
    const a = stream('One.\n\nTwo.\n\nThree');
    const b = splitMarkdown(a, a.text + ' more.\n\nFour');
    expect(b.blocks.slice(0, a.blocks.length)).toEqual(a.blocks);
    expect(b.blocks[0]).toBe(a.blocks[0]);
    expect(splitMarkdown(b, b.text)).toBe(b);
  });

  // A table that streamed row by row and a formula completed in the same update must not become
  // one block parsed whole: each block that ends is promoted on its own.
  it('promotes each block completed in one update on its own', () => {
    const table = '| a | b |\n| - | - |\n| 1 | 2 |\n\n';
    const a = stream(table);
    expect(tailOf(a)).toBe(table);
    const b = splitMarkdown(a, table + '$$\nx^2\n$$\n\nNext');
    expect(raws(b)).toEqual([table, '$$\nx^2\n$$\n\n']);
    expect(b.blocks[0]?.id).toBe(a.nextId);
    expect(tailOf(b)).toBe('Next');
    expect(settledHtml(b)).toBe(html(b.text));
  });

  it('promotes a burst of many blocks in one update as separate blocks, so the tail does not trail behind', () => {
    const a = stream('Start');
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const b = splitMarkdown(a, `Start.\n\n${paragraphs}\n\nEnd`);
    expect(raws(b)).toEqual(['Start.\n\n', ...Array.from({ length: 12 }, (_, i) => `Paragraph ${i}.\n\n`)]);
    expect(tailOf(b)).toBe('End');
    expect(settledHtml(b)).toBe(html(b.text));
  });

  it('re-splits an edited text but keeps ids (and so renders) of unchanged blocks', () => {
    const a = stream('One.\n\nTwo.\n\nThree.\n\nFour');
    const b = splitMarkdown(a, 'One.\n\nTwo, edited.\n\nThree.\n\nFour');
    // "Three." is settled as soon as "F" shows that a new block starts after it.
    expect(raws(b)).toEqual(['One.\n\n', 'Two, edited.\n\n', 'Three.\n\n']);
    expect(b.blocks[0]).toBe(a.blocks[0]);
    expect(b.blocks[1]?.id).not.toBe(a.blocks[1]?.id);
    expect(new Set([...b.blocks.map((x) => x.id), b.nextId]).size).toBe(b.blocks.length + 1);
    const shorter = splitMarkdown(b, 'One.\n\nNew\n');
    expect(shorter.blocks).toEqual([a.blocks[0]]);
    expect(tailOf(shorter)).toBe('New\n');
  });
});

describe('splitter: every fixture', () => {
  for (const [name, make] of Object.entries(FIXTURES)) {
    if (name === 'long-line-200k') continue; // covered by the size test below
    // The 200 KB fixtures replay thousands of deltas through a full re-parse check each: a generous
    // limit for slow CI machines (their speed is measured in bench:render, not here).
    it(`${name}: stable blocks never change and the settled render equals one render of the whole`, { timeout: 180_000 }, () => {
      const text = make();
      const seen = new Map<number, string>();
      let s: SplitState | null = null;
      let at = 0;
      for (const delta of tokenDeltas(text)) {
        at += delta.length;
        s = splitMarkdown(s, text.slice(0, at));
        for (const b of s.blocks) {
          const was = seen.get(b.id);
          if (was === undefined) seen.set(b.id, b.raw);
          else expect(b.raw).toBe(was);
        }
        expect(s.blocks.map((b) => b.raw).join('') + tailOf(s)).toBe(s.text);
      }
      if (!s) throw new Error('no deltas');
      expect(s.blocks.length).toBeGreaterThanOrEqual(name.startsWith('mixed') ? 3 : 1);
      if (!finalDocument(s).footnotes) expect(settledHtml(s)).toBe(html(text));
    });
  }

  // Its speed is a bench figure (bench:render), not a test: CI machines are shared.
  it('keeps a 200k-character line whole in the tail', () => {
    const text = FIXTURES['long-line-200k']?.() ?? '';
    const s = stream(text, 97);
    expect(s.blocks).toHaveLength(0);
    expect(tailOf(s)).toBe(text);
  });
});

// Snippets the scanner must either place exactly or hand to the real parser: nested and indented
// fences, HTML blocks that swallow fence-like lines, quotes, loose lists, definitions, math.
const TRICKY = [
  '- item\n  ```\n  code\n\n```\nafter fence',
  '<div>\n```\n\ntext after html',
  '> quote\n> ```\n> code\n\n```\nx\n```',
  '1. one\n\n   ```js\n   a\n\n   ```\n\n2. two',
  '- ```\n  inside\n\n  ```\n\nnext',
  '    indented ```\n\n    more',
  '<!--\n\n```\n\n-->',
  '$$\na\n\nb\n$$',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '[d]: https://example.com/d\n\nSee [d].',
  'Title\n=====',
  '* * *',
  '- a\n\n- b\n\n  para\n\n- c',
  '> a\n\n> b',
  '<pre>\n\n```\n\n</pre>',
  '~~~\n```\n\n~~~',
  'text with <span>inline</span> html',
  '  ```\n  two-space fence\n\n  ```',
  '[^1]: note\n\n    continued',
  '1) x\n\n2) y\n\nz',
];

function parserStarts(text: string): Set<number> {
  const root = unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(text);
  return new Set(root.children.map((c) => c.position?.start.offset ?? -1));
}

describe('splitter: boundaries the real parser agrees with', () => {
  it('every promoted boundary in 300 generated documents starts a top-level node of the whole text', () => {
    let seed = 12345;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let promoted = 0;
    for (let doc = 0; doc < 300; doc++) {
      const parts = Array.from({ length: 3 + next(6) }, () => TRICKY[next(TRICKY.length)] ?? '');
      const text = parts.map((p, i) => (i === 0 ? p : (next(4) === 0 ? '\n' : '\n\n') + p)).join('') + '\n\nEnd.\n';
      const s = stream(text, 1 + next(9));
      const starts = parserStarts(text);
      for (const b of [...s.blocks.slice(1), { start: s.tailStart }]) {
        if (b.start === 0) continue;
        promoted++;
        expect(starts.has(b.start), `boundary at ${b.start} in ${JSON.stringify(text)}`).toBe(true);
      }
    }
    expect(promoted).toBeGreaterThan(600);
  });

  it('promotes plain prose, lists, tables and top-level fences without running the parser', () => {
    takeVerifiedChars();
    const text = FIXTURES['mixed-50k']?.() ?? '';
    let s: SplitState | null = null;
    let at = 0;
    for (const delta of tokenDeltas(text)) {
      at += delta.length;
      s = splitMarkdown(s, text.slice(0, at));
    }
    expect(s?.blocks.length).toBeGreaterThan(50);
    expect(takeVerifiedChars()).toBe(0);
    // A nested fence still goes through the parser.
    stream('- ```\n  b\n\nc\n\nd\n');
    expect(takeVerifiedChars()).toBeGreaterThan(0);
  });
});
