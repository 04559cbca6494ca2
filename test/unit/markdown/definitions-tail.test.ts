import { describe, expect, it } from 'vitest';
import { definitionsOnly, streamingDefinitions } from '../../../src/renderer/src/markdown/definitions-tail.ts';

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
