import { describe, expect, it } from 'vitest';
import hljs from 'highlight.js/lib/common';
import { PART_CHARS, codeParts } from '../../../src/renderer/src/markdown/code-parts.ts';
import { highlightParts, highlightRun, splitMarkup } from '../../../src/renderer/src/markdown/highlight-parts.ts';
import { codeFile } from '../../../bench/render/fixtures.ts';

const decode = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

const balanced = (html: string): boolean => {
  let depth = 0;
  for (const [tag] of html.matchAll(/<\/?span[^>]*>/g)) {
    depth += tag.startsWith('</') ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
};

describe('highlighted markup cut into the plain parts of a code block', () => {
  const code = /```ts\n([\s\S]*)```/.exec(codeFile(20_000))?.[1] ?? '';

  it('parts are whole lines, cover the code exactly, and a growing block keeps its earlier parts', () => {
    const parts = codeParts(code);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.join('')).toBe(code);
    for (const p of parts) expect(p.endsWith('\n')).toBe(true);
    const shorter = codeParts(code.slice(0, 12_345));
    expect(shorter.slice(0, -1)).toEqual(parts.slice(0, shorter.length - 1));
    expect(codeParts('')).toEqual([]);
  });

  it('each highlighted part shows exactly its plain text, with its spans closed, and comments spanning a cut stay comments', () => {
    const parts = codeParts(code);
    const html = highlightParts(hljs, code, 'ts', parts.map((p) => p.length));
    expect(html).not.toBeNull();
    expect(html?.length).toBe(parts.length);
    html?.forEach((h, i) => {
      expect(decode(h)).toBe(parts[i]);
      expect(balanced(h)).toBe(true);
    });
    // Whole-block highlighting would give the same tokens: joining the parts loses none.
    const whole = hljs.highlight(code, { language: 'ts', ignoreIllegals: true }).value;
    expect((html ?? []).join('').match(/hljs-comment/g)?.length).toBeGreaterThanOrEqual(whole.match(/hljs-comment/g)?.length ?? 0);
  });

  it('a comment that spans a cut is still a comment on both sides', () => {
    // Code lines up to just short of the first cut, then a comment across it.
    const code = 'let a = 1;\n'.repeat(Math.floor((PART_CHARS - 50) / 11)) + '/*\n' + 'still inside the comment\n'.repeat(20) + '*/\nlet b = 2;\n';
    const parts = codeParts(code);
    expect(parts.length).toBe(2);
    expect(parts[1]?.startsWith('still inside')).toBe(true);
    const html = highlightParts(hljs, code, 'ts', parts.map((p) => p.length)) ?? [];
    expect(html[1]?.startsWith('<span class="hljs-comment">still inside')).toBe(true);
    expect(html[0]?.endsWith('</span>')).toBe(true);
  });

  // What highlight-progress.ts does as a block grows: each completed part is highlighted from the
  // last part that started at the top level. The settled block must come out as one pass would.
  const pieceByPiece = (text: string, lang: string): { lit: string[]; restarts: number } => {
    const parts = codeParts(text);
    const lit: string[] = [];
    let safe = 0;
    let restarts = 0;
    for (let complete = 1; complete <= parts.length; complete++) {
      const piece = parts.slice(safe, complete);
      const run = highlightRun(hljs, piece.join(''), lang, piece.map((p) => p.length));
      run?.parts.forEach((h, i) => (lit[safe + i] = h));
      if (run?.atRoot) safe = complete;
      else restarts++;
    }
    return { lit, restarts };
  };

  it('a growing block highlighted piece by piece from top-level points ends as the one-pass markup', () => {
    const comment = 'let a = 1;\n'.repeat(100) + '/*\n' + 'still inside the comment\n'.repeat(60) + '*/\n' + 'let b = "x";\n'.repeat(200);
    const docstring = '"""\nA docstring\nover lines\n"""';
    const python = Array.from({ length: 300 }, (_, i) => (i % 40 === 0 ? docstring : `    value_${i} = compute(${i}, "text")  # step ${i}`)).join('\n') + '\n';
    for (const [lang, text] of [['ts', code], ['ts', comment], ['python', python]] as const) {
      const parts = codeParts(text);
      const { lit, restarts } = pieceByPiece(text, lang);
      expect(parts.length).toBeGreaterThan(3);
      expect(lit).toEqual(highlightParts(hljs, text, lang, parts.map((p) => p.length)));
      // The comment left open at a cut makes the next piece start before it again.
      if (text === comment) expect(restarts).toBeGreaterThan(0);
    }
  });

  it('cuts inside an entity-bearing run and reopens nested spans', () => {
    const html = '<span class="a">x&lt;<span class="b">yz</span>w</span>&amp;';
    expect(splitMarkup(html, [2, 2, 2])).toEqual([
      '<span class="a">x&lt;</span>',
      '<span class="a"><span class="b">yz</span></span>',
      '<span class="a"><span class="b"></span>w</span>&amp;',
    ]);
  });

  it('a growing last part also comes without its line end, well-formed, to show before the rest of the line', () => {
    // A comment open across the line end: the markup less the "\n" must close its span.
    for (const text of ['let a = 1;\nconst b: string = "x" + a;\n', 'let a = 1;\n/* open comment\n', 'if (x < y && z) return "a&b";\n']) {
      const run = highlightRun(hljs, text, 'ts', [text.length], true);
      expect(run?.head, JSON.stringify(text)).toBeDefined();
      expect(decode(run?.head ?? '')).toBe(text.slice(0, -1));
      expect(balanced(run?.head ?? '')).toBe(true);
      expect(run?.head).toContain('hljs-');
    }
    expect(highlightRun(hljs, 'let a;\n', 'ts', [7])?.head).toBeUndefined();
  });

  it('an unknown language gives no markup', () => {
    expect(highlightParts(hljs, 'x', 'no-such-language', [1])).toBeNull();
  });
});
