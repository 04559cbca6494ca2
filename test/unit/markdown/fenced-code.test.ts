import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { closedFence, displayMathOnly, fencedCodeOnly, openFenceCode, unclosedFenceCode } from '../../../src/renderer/src/markdown/fenced-code.ts';
import { parseMarkdown } from '../../../src/renderer/src/markdown/split/verify.ts';
import { repairTail } from '../../../src/renderer/src/markdown/tail-repair.ts';

const viaParser = (md: string): string =>
  renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm, remarkMath] }, md));
const viaFastPath = (lang: string, code: string): string =>
  renderToStaticMarkup(createElement('pre', null, createElement('code', lang ? { className: `language-${lang}` } : null, code)));

const SAME = [
  '```ts\nconst a = 1;\n```\n',
  '```\n```\n',
  '```\n\n```\n',
  '```\n\n\n```\n\n',
  '~~~~python extra words\nx = 1\n  ~~~~~\n\n\n',
  '```c++\n\tint x;\n\n  y\n```   \n',
  '````\n```\nnested\n```\n````\n',
  '```sh\necho "<b>&amp;</b>"\n   ```\n',
];

const DECLINED = [
  '  ```ts\nindented\n  ```\n', // indented opener strips content indentation
  '```c\\+\\+\ncode\n```\n', // escapes in the info string
  '```&lt;x\ncode\n```\n', // entity in the info string
  '```a`b\ncode\n```\n', // not a fence at all
  '```ts\nunclosed\n',
  '```ts\ncode\n```\nafter\n', // something follows the fence
  '```ts\r\ncode\r\n```\r\n',
];

describe('fenced code without the parser', () => {
  for (const raw of SAME) {
    it(`renders ${JSON.stringify(raw)} exactly as react-markdown does`, () => {
      const fast = fencedCodeOnly(raw);
      expect(fast).not.toBeNull();
      expect(viaFastPath(fast?.lang ?? '', fast?.code ?? '')).toBe(viaParser(raw).trim());
    });
  }

  it('leaves every unusual fence to the parser', () => {
    for (const raw of DECLINED) expect(fencedCodeOnly(raw), JSON.stringify(raw)).toBeNull();
  });
});

describe('a reply that ends inside a fence it never closed', () => {
  it('shows the code react-markdown would', () => {
    for (const raw of ['```ts\nconst a = 1;\n', '```ts\nconst a = 1;', '```py\nx = 1\n\n', '```ts\na\n``', '```ts\n', '```ts', '~~~\nplain\n']) {
      const fast = unclosedFenceCode(raw);
      expect(fast, JSON.stringify(raw)).not.toBeNull();
      expect(viaFastPath(fast?.lang ?? '', fast?.code ?? ''), JSON.stringify(raw)).toBe(viaParser(raw));
    }
  });

  it('leaves an indented or unusual opener to the parser', () => {
    for (const raw of ['  ```ts\n  indented\n', '```c\\+\\+\ncode\n', '```ts\r\ncode\r\n']) expect(unclosedFenceCode(raw), JSON.stringify(raw)).toBeNull();
  });
});

describe('an open fence while the reply streams', () => {
  it('shows at every length the text the reply would show if it ended there', () => {
    const reply = '```ts\nconst a = 1;\n\nfunction f() {\n  return a;\n}\n';
    for (let end = '```ts'.length; end <= reply.length; end++) {
      const raw = reply.slice(0, end);
      expect(openFenceCode(raw).code, JSON.stringify(raw)).toBe(unclosedFenceCode(raw)?.code);
    }
  });

  it('hides a closing fence still being typed', () => {
    for (const raw of ['```ts\na;\n`', '```ts\na;\n``', '~~~\na;\n~~']) expect(openFenceCode(raw).code, JSON.stringify(raw)).toBe('a;\n');
  });
});

/** What the parser's path hands the formula component for `source`: its TeX and whether it is closed, or null when `source` is not one formula. */
function parsedFormula(source: string): { tex: string; closed: boolean } | null {
  const nodes = parseMarkdown(source).children;
  const node = nodes[0];
  if (nodes.length !== 1 || node?.type !== 'math') return null;
  return { tex: node.value, closed: closedFence(source, 0, node.position?.end.offset ?? 0) };
}

describe('a $$ formula without the parser', () => {
  const FORMULAS = [
    '$$\n\\sum_{k=0}^{5} \\frac{k^2}{2} = \\int_0^1 f(x)\\,dx\n$$\n\n',
    '$$\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\n$$\n',
    '$$  \nx_1^2 * y_2 *\n\n  indented\n\tand tabbed\n $$$ \n\n',
    '$$\na\n$$x\n    $$\n$$\n',
    '$$\n$ a $ `b` [c](d)\n$$\n',
  ];

  it('gives the TeX and readiness the parser gives, at every length, as streamed and as settled', () => {
    let read = 0;
    for (const formula of FORMULAS) {
      for (let end = 1; end <= formula.length; end++) {
        const raw = formula.slice(0, end);
        // The streaming tail is repaired inside the open fence, and outside once it has closed.
        for (const source of [raw, repairTail(raw, true), repairTail(raw, false)]) {
          const fast = displayMathOnly(source);
          if (!fast) continue;
          read++;
          expect(fast, JSON.stringify(source)).toEqual(parsedFormula(source));
        }
      }
    }
    // Every prefix from "$$" on is read, in each of its three forms.
    expect(read).toBeGreaterThan(3 * (FORMULAS.join('').length - 2 * FORMULAS.length));
  });

  it('matches the parser on 3,000 random formulas', () => {
    let seed = 99;
    const pick = <T,>(xs: readonly T[]): T => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return xs[(seed >>> 8) % xs.length] as T;
    };
    const LINES = ['x^2', '', '  ', '$', '$$', ' $$', '    $$', '$$$', '$$ x', '\\$$', 'a $$ b', '\tb', '| a |', '- item', '# h', '> q', '```', '[x]: y'];
    let read = 0;
    for (let n = 0; n < 3000; n++) {
      const lines = [pick(['$$', '$$ ', '$$$', ' $$', '$$x']), ...Array.from({ length: 1 + (n % 5) }, () => pick(LINES))];
      const source = lines.join('\n') + pick(['', '\n', '\n\n', '\nafter']);
      const fast = displayMathOnly(source);
      if (!fast) continue;
      read++;
      expect(fast, JSON.stringify(source)).toEqual(parsedFormula(source));
    }
    expect(read).toBeGreaterThan(800);
  });

  it('leaves a one-line, indented or unusual formula to the parser', () => {
    for (const raw of ['$$x^2$$\n', ' $$\nx\n$$\n', '$$ meta\nx\n$$\n', '$$\r\nx\r\n$$\r\n', '$$\nx\n$$\ntext\n']) expect(displayMathOnly(raw), JSON.stringify(raw)).toBeNull();
  });
});
