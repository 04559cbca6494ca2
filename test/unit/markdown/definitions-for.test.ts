import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { definitionsFor } from '../../../src/renderer/src/markdown/definitions-for.ts';
import { finalDocument, splitMarkdown, tailOf } from '../../../src/renderer/src/markdown/index.ts';
import { FIXTURES } from '../../../bench/render/fixtures.ts';

const html = (md: string): string =>
  renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm, remarkMath] }, md)).replace(/>\s+</g, '><');

/** Every block rendered alone with only the definitions it is given, as the message does once settled. */
function blockwise(text: string): { html: string; appended: number } {
  const s = splitMarkdown(null, text);
  const { definitions } = finalDocument(s);
  let appended = 0;
  const out = [...s.blocks.map((b) => b.raw), tailOf(s)].map((raw) => {
    const defs = definitionsFor(raw, definitions);
    appended += defs === '' ? 0 : defs.split('\n').length;
    return html(defs ? `${raw}\n\n${defs}` : raw);
  });
  return { html: out.join(''), appended };
}

describe('definitions a block is given', () => {
  it('resolve every reference as the whole document does, however its label is spelt', () => {
    const text = [
      'See [the Docs][docs], [STRASSE][], [Multi\nWord Label] and [x][ spaced  label ].',
      '> A quote with [a\n> wrapped label].',
      '- an item using [Odd [label]][odd [label]]',
      'Nothing to resolve here, not even [brackets].',
      '[docs]: https://example.com/docs "Docs\nover two lines"',
      '[straße]: https://example.com/s',
      '[multi word label]: https://example.com/m',
      '[Spaced label]: https://example.com/sp',
      '[a wrapped label]: https://example.com/w',
      '[odd [label]]: https://example.com/o',
      '',
    ].join('\n\n');
    expect(blockwise(text).html).toBe(html(text));
  });

  it('gives each paragraph of a reply with references at the end only the definitions it mentions', () => {
    const text = FIXTURES['refs-at-end']?.() ?? '';
    const { html: out, appended } = blockwise(text);
    expect(out).toBe(html(text));
    // 30 paragraphs, each citing its own source and the docs (plus "[s1]" inside "[s10]" and the like).
    expect(appended).toBeLessThan(30 * 4);
  });

  it('gives nothing to a block without a bracket, and keeps the shared string when all apply', () => {
    const defs = '[a]: <https://example.com/a>\n[b]: <https://example.com/b>';
    expect(definitionsFor('plain text', defs)).toBe('');
    expect(definitionsFor('[A] and [b]', defs)).toBe(defs);
    expect(definitionsFor('only [b]', defs)).toBe('[b]: <https://example.com/b>');
  });
});
