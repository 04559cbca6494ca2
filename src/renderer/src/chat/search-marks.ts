// The words a search matched, marked inside the message the hit opened, with the CSS Custom
// Highlight API: ranges over the rendered text, so no element is added to (or reflowed in) the
// markdown, and later highlighting of code cannot be broken by our marks.
import { termRanges, type Term } from '../../../shared/search-terms';

const NAME = 'search-match';
/** Frames spent settling on the first match while blocks around it get their real size. */
const SETTLE_FRAMES = 12;

/** Ranges of every matched word in the text under `root`. */
export function findMatches(root: Element, terms: readonly Term[]): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const [start, end] of termRanges(node.nodeValue ?? '', terms)) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  return ranges;
}

export function showMatches(ranges: readonly Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (ranges.length === 0) CSS.highlights.delete(NAME);
  else CSS.highlights.set(NAME, new Highlight(...ranges));
}

export function clearMatches(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(NAME);
}

/**
 * Centres `range` in `scroller`. Blocks off screen have estimated sizes until they are laid out,
 * so the first jump can land off by their difference: correct it on the next frames until the
 * match stays put. Stops early if the reader scrolls meanwhile.
 */
export function revealRange(scroller: HTMLElement, range: Range): void {
  let frames = 0;
  let expected = -1;
  const step = () => {
    if (expected >= 0 && Math.abs(scroller.scrollTop - expected) > 1) return;
    const box = range.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    const offset = box.top - (view.top + scroller.clientHeight / 2 - box.height / 2);
    if (Math.abs(offset) > 2) scroller.scrollTop += offset;
    expected = scroller.scrollTop;
    frames += 1;
    if (frames < SETTLE_FRAMES && (frames < 3 || Math.abs(offset) > 2)) requestAnimationFrame(step);
  };
  step();
}
