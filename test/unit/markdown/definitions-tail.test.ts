import { describe, expect, it } from 'vitest';
import { definitionsOnly, streamingDefinitions } from '../../../src/renderer/src/markdown/definitions-tail.ts';
import { parseMarkdown, simpleDefinitions } from '../../../src/renderer/src/markdown/split/verify.ts';
import type { DefinitionFields } from '../../../src/renderer/src/markdown/split/verify.ts';
import { seededRandom } from '../../../bench/support/random.ts';

describe('a streaming tail of link definitions', () => {
  it('is recognised line by line, the last line on its way to being a definition', () => {
    expect(definitionsOnly('[a]: https://example.com/a "A"\n[b]: <https://example.com/b>\n[c')).toBe('[a]: https://example.com/a "A"\n[b]: <https://example.com/b>\n');
    expect(definitionsOnly('[a]: /a\n[b]')).toBe('[a]: /a\n');
    expect(definitionsOnly('[a]: /a\n[b]: https://exa')).toBe('[a]: /a\n');
    expect(definitionsOnly('[a]: /a\n')).toBe('[a]: /a\n');
    expect(definitionsOnly("   [a\\]b]: /a 'T'\n")).toBe("   [a\\]b]: /a 'T'\n");
    // The first line still arriving: nothing complete yet, and nothing to show.
    expect(definitionsOnly('[a]: https://exam')).toBe('');
  });

  it('leaves any other tail to the parser', () => {
    expect(definitionsOnly('Text [a]: /a\n')).toBeNull();
    expect(definitionsOnly('[a]: /a\n[1] Smith et al.')).toBeNull();
    expect(definitionsOnly('[a]: /a\n"A title on its own line"')).toBeNull();
    expect(definitionsOnly('[a](https://example.com) is a link\n')).toBeNull();
    expect(definitionsOnly('[ ]: /a\n')).toBeNull();
    expect(definitionsOnly('[a]: /a "open title\n')).toBeNull();
    expect(definitionsOnly('    [a]: /a\n')).toBeNull();
  });

  it('adds complete definitions after the settled ones, the first of a label winning', () => {
    const settled = '[a]: <https://example.com/first>';
    const complete = (tail: string): string => definitionsOnly(tail) ?? '';
    const defs = streamingDefinitions(settled, new Set(['a']), complete('[A]: https://example.com/second\n[b]: https://example.com/b "B"\n[c]: https://exa'));
    expect(defs).toBe('[a]: <https://example.com/first>\n[b]: <https://example.com/b> "B"');
    // The same string again while nothing new completed.
    expect(streamingDefinitions(settled, new Set(['a']), complete('[A]: https://example.com/second\n[b]: https://example.com/b "B"\n[c]: https://exam'))).toBe(defs);
    expect(streamingDefinitions(settled, new Set(['a']), complete('A paragraph.'))).toBe(settled);
  });
});

// Citation lines are read without the parser when their reading is certain (split/verify.ts);
// whenever that path takes a text it must read exactly what mdast does: label, URL and title.
describe('definition lines read without the parser', () => {
  const parsed = (text: string): DefinitionFields[] =>
    parseMarkdown(text).children.flatMap((n) => (n.type === 'definition' ? [{ identifier: n.identifier, url: n.url, title: n.title ?? null }] : []));

  it('read citation lists as the parser does, and leave it anything less certain', () => {
    const taken = [
      '[s0]: https://example.com/source/0 "Source 0"\n[docs]: https://example.com/docs',
      '[1]: <https://example.com/a b> "A"\n\n[Two  Words]: https://e.com/x?y=1#z',
      '[Ünïcode label]: https://e.com/ü ""',
      '[x]: <>',
    ];
    for (const text of taken) {
      expect(simpleDefinitions(text), text).not.toBeNull();
      expect(simpleDefinitions(text), text).toEqual(parsed(text));
    }
    const left = ['[a\\]b]: /a', '[a]: /a "t\\"q"', '[a]: /a (t)', "[a]: /a 't'", '[a]: /a(b)', '[^1]: note', '[a]: &amp;', '[ ]: /a', '[a]:\n/a', '[a]: /a\n"title"', 'text', '[a]: /a "t" x'];
    for (const text of left) expect(simpleDefinitions(text), text).toBeNull();
  });

  it('agree with the parser on random lines built from tricky pieces', () => {
    const pieces = ['[', ']', ':', ' ', '\t', 'a', 'B c', '<', '>', '"', "'", '(', ')', '\\', '&amp;', 'https://e.com/p', '/u', '^', 'é', '#', '*', '`'];
    const r = seededRandom(17);
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const some = (max: number): string => Array.from({ length: 1 + Math.floor(r() * max) }, () => pieces[Math.floor(r() * pieces.length)]).join('');
      // Mostly shaped like a definition, so that many lines take the path.
      const line = r() < 0.7 ? `[${some(3)}]:${some(6)}` : some(9);
      const mine = simpleDefinitions(line);
      if (mine === null) continue;
      taken++;
      expect(mine, JSON.stringify(line)).toEqual(parsed(line));
    }
    expect(taken).toBeGreaterThan(100);
  });
});
