// Snippets and highlight ranges computed from the text itself, not by FTS5's snippet(): no
// sentinel characters that model text could contain, and no second full-text query per hit.
import type { Snippet } from '../../shared/conversations';
import { termRanges, type Term } from '../../shared/search-terms.ts';

const WINDOW = 180;
const LEAD = 50;
const SCAN_LIMIT = 200_000;

function matches(text: string, terms: readonly Term[]): Array<[number, number]> {
  return termRanges(text.slice(0, SCAN_LIMIT), terms);
}

/**
 * A window of about WINDOW characters around the densest run of matches, with the ranges of
 * every match inside it. Short texts (titles) come back whole.
 */
export function makeSnippet(text: string, terms: readonly Term[]): Snippet {
  const all = matches(text, terms);
  if (text.length <= WINDOW) return { text, highlights: all };
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0; i < all.length && i < 500; i++) {
    const from = (all[i] as [number, number])[0];
    let count = 0;
    for (let j = i; j < all.length && (all[j] as [number, number])[1] <= from + WINDOW - LEAD; j++) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = from;
    }
  }
  // Start a little before the first match, on a word boundary, so it reads as a sentence.
  let start = Math.max(0, bestStart - LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < bestStart) start = space + 1;
  }
  let end = Math.min(text.length, start + WINDOW);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + WINDOW / 2) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  // Whitespace collapsing shifts offsets, so recompute ranges on the text actually returned.
  const highlights = matches(body, terms).map(([a, b]) => [a + lead.length, b + lead.length] as [number, number]);
  return { text: `${lead}${body}${end < text.length ? '…' : ''}`, highlights };
}
