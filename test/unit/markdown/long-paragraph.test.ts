import { describe, expect, it } from 'vitest';
import { createElement, Fragment } from 'react';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { paragraphPieces } from '../../../src/renderer/src/markdown/long-paragraph.ts';
import { repairTail, tailPieceSource } from '../../../src/renderer/src/markdown/tail-repair.ts';
import { FIXTURES, mixed } from '../../../bench/render/fixtures.ts';

const plugins = [remarkGfm, remarkMath];
const inline = (md: string): string =>
  renderToStaticMarkup(
    createElement(Markdown, { remarkPlugins: plugins, components: { p: ({ children }: { children?: ReactNode }) => createElement(Fragment, null, children) } }, md),
  );

/** One long line of model-like prose: the mixed fixture's paragraphs without their line breaks. */
function proseLine(size: number): string {
  const paragraphs = mixed(size * 3, 9)
    .split('\n\n')
    .filter((p) => /^[A-Z][a-z]/.test(p) && !p.includes('\n'));
  return paragraphs.join(' ').slice(0, size).replace(/\s+\S*$/, '');
}

describe('long streaming line cut into pieces', () => {
  it('leaves ordinary paragraphs alone', () => {
    expect(paragraphPieces('Short paragraph with **bold** text.')).toBeNull();
    expect(paragraphPieces('Two lines\n'.repeat(400))).toBeNull();
    expect(paragraphPieces('# heading '.repeat(400))).toBeNull();
  });

  it('cuts a line that has its line end, or a blank line after it, as the same pieces', () => {
    const line = proseLine(2_000);
    const pieces = paragraphPieces(line);
    expect(pieces).not.toBeNull();
    for (const ending of ['\n', '\n\n', '\n \n']) expect(paragraphPieces(line + ending), JSON.stringify(ending)).toEqual(pieces);
    expect(paragraphPieces(line + '\nmore')).toBeNull();
  });

  it('renders prose pieces exactly as the whole line renders', () => {
    const line = proseLine(12_000);
    const pieces = paragraphPieces(line);
    expect(pieces).not.toBeNull();
    expect(pieces?.length).toBeGreaterThan(5);
    expect(pieces?.join(' ')).toBe(line);
    expect(pieces?.map(inline).join(' ')).toBe(inline(line));
  });

  it('keeps finished pieces identical as the line grows, and pieces small on the 200k line', () => {
    const line = FIXTURES['long-line-200k']?.() ?? '';
    const full = paragraphPieces(line.slice(0, 60_000)) ?? [];
    expect(full.join(' ')).toBe(line.slice(0, 60_000));
    expect(Math.max(...full.map((p) => p.length))).toBeLessThan(1200);
    for (const at of [5_000, 17_777, 40_001]) {
      const prefix = paragraphPieces(line.slice(0, at)) ?? [];
      expect(prefix.slice(0, -1)).toEqual(full.slice(0, prefix.length - 1));
    }
  });

  it('does not cut inside an emphasis, code span or link that is still open', () => {
    const words = 'plain words go here and on '.repeat(50);
    const line = `Start ${words}**bold ${words} still bold** then \`code ${words}\` and [link ${words}](https://e.com) end ${words}`;
    const pieces = paragraphPieces(line) ?? [];
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect((p.match(/\*\*/g) ?? []).length % 2).toBe(0);
      expect((p.match(/`/g) ?? []).length % 2).toBe(0);
      expect((p.match(/\[/g) ?? []).length).toBe((p.match(/\]/g) ?? []).length);
    }
    expect(pieces.map(inline).join(' ')).toBe(inline(line));
  });

  it('cuts an ordinary paragraph of a reply while it streams, and every frame shows what the whole tail would', () => {
    // Paragraphs of model replies are a few hundred characters: cut them too, so a frame parses
    // the last piece and not the whole paragraph so far.
    const paragraph = proseLine(900);
    let cut = 0;
    for (let at = 1; at <= paragraph.length; at += 3) {
      const tail = paragraph.slice(0, at);
      const pieces = paragraphPieces(tail);
      if (!pieces) continue;
      cut++;
      const shown = pieces.map((_, i) => inline(tailPieceSource(pieces, i, ''))).join(' ');
      expect(shown).toBe(inline(repairTail(tail, false)));
    }
    expect(cut).toBeGreaterThan(40);
  });
});
