// The streaming tail is repaired so that a marker still waiting for its other half never shows as
// a character: what the reader sees at every point of a paragraph's arrival.
import { describe, expect, it } from 'vitest';
import { oneShotHtml } from './one-shot-html.ts';
import { repairTail } from '../../../src/renderer/src/markdown/tail-repair.ts';
import { pendingReferences } from '../../../src/renderer/src/markdown/late-references.ts';
import { mixed, refsAtEnd } from '../../../bench/render/fixtures.ts';

/** The text a reader sees (tags dropped, entities left as they are: none of them is a marker). */
const seen = (html: string): string => html.replace(/<[^>]*>/g, '');

describe('the streaming tail, repaired', () => {
  it('shows no raw marker at any point: bold and its closer arriving, strike, code, math, links and references', () => {
    const texts = [
      'Some **bold words** and *em* and ~~gone~~ then `code()` here.',
      'Math $x_1^2$ inline, then $\\alpha+\\beta$ too, and [a link](https://example.com/x) end.',
      'Cited [the guide][g] and [the spec][] here.',
      'Nested **bold with *em* inside** and ~strike~ done.',
      // And model-like paragraphs: the bench fixtures' (cut mid-word by design) and refs-at-end's.
      ...[mixed(25_000, 4), refsAtEnd()].flatMap((t) => t.split('\n\n')).filter((p) => /^[\p{L}*_`$~[]/u.test(p) && !p.includes('\n') && !p.startsWith('[s')).slice(0, 20),
    ];
    for (const text of texts) {
      for (let end = 1; end <= text.length; end++) {
        const tail = repairTail(text.slice(0, end), false);
        // With the placeholders the message gives references still waiting for a definition.
        const pending = pendingReferences(tail, new Map());
        const shown = seen(oneShotHtml(pending ? tail + '\n\n' + pending : tail));
        expect(shown, JSON.stringify(text.slice(0, end))).not.toMatch(/[*~$`[\]]/);
      }
    }
  });

  it('leaves a closed formula or code block alone: its "_" and "*" are TeX or code, not open markers', () => {
    for (const block of ['$$\n\\sum_{m=1}^{12} c_m = 12 \\times c\n$$\n', '```py\nx = a_b * c\n```\n', 'Intro.\n\n$$\na_1 * b\n$$\n']) {
      expect(repairTail(block, false), JSON.stringify(block)).toBe(block);
    }
  });

  it('keeps a price: a "$" followed by a space is text, not a formula on its way', () => {
    expect(repairTail('It costs $5 and up', false)).toBe('It costs $5 and up');
    expect(repairTail('Then $x_1', false)).toBe('Then');
  });
});
