// A streaming tail that is one long line of prose would be re-parsed whole on every frame: a
// reply's ordinary paragraph of a few hundred characters then costs each frame in proportion to
// what has arrived of it, and micromark's emphasis matching grows faster than the line (tens of
// KB take seconds). Such a tail is cut into pieces of about PIECE characters at spaces where no inline construct is open,
// each parsed on its own; finished pieces never change, so only the last one is parsed per frame.
// Only the streaming view uses this: the settled paragraph is parsed whole.

import { emphasisRun, matchDelimiter } from './tail-repair.ts';
import type { Delimiter } from './tail-repair.ts';

// Low enough to cut the typical paragraph of a reply (mixed-25k: tail frames' script time fell by
// about a fifth against 2048/1024), high enough that a short one is still parsed in one piece.
export const LONG_LINE = 384;
const PIECE = 160;
/** A pending opener older than this is treated as literal so that cutting can resume. */
const GIVE_UP = 4096;

const LETTER = /\p{L}/u;

/**
 * Piece texts (to be joined by single spaces), or null when `text` is not one long prose line.
 * The line may already have its line end and a blank line after it (a finished paragraph).
 */
export function paragraphPieces(text: string): string[] | null {
  const tail = text.replace(/\n[ \t\n]*$/, '');
  if (tail.length < LONG_LINE || tail.includes('\n') || !LETTER.test(tail[0] ?? '')) return null;
  const pieces: string[] = [];
  let start = 0;
  // Inline state since `start`: emphasis openers waiting for a closer, an open code or math run,
  // open brackets, an open "<".
  let openers: Delimiter[] = [];
  let run: { char: string; length: number; at: number } | null = null;
  let brackets = 0;
  let angle = false;
  let i = 0;
  while (i < tail.length) {
    const c = tail[i] ?? '';
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`' || c === '$') {
      let n = 1;
      while (tail[i + n] === c) n++;
      if (run && run.char === c && run.length === n) run = null;
      else if (!run) run = { char: c, length: n, at: i };
      i += n;
      continue;
    }
    if (run) {
      // A code or math run that has stayed open this long is taken as literal.
      if (i - run.at > GIVE_UP) run = null;
      i++;
      continue;
    }
    if (c === '[') brackets++;
    else if (c === ']' && brackets > 0) brackets--;
    else if (c === '<') angle = true;
    else if (c === '>') angle = false;
    else if (c === '*' || c === '_' || c === '~') {
      const emphasis = emphasisRun(tail, i);
      matchDelimiter(openers, emphasis, i);
      i += emphasis.length;
      continue;
    } else if (c === ' ' && i - start >= PIECE && LETTER.test(tail[i + 1] ?? '')) {
      openers = openers.filter((o) => i - o.at <= GIVE_UP);
      if (i - start > GIVE_UP) brackets = 0;
      if (openers.length === 0 && brackets === 0 && !angle) {
        pieces.push(tail.slice(start, i));
        start = i + 1;
      }
    }
    i++;
  }
  if (pieces.length === 0) return null;
  pieces.push(tail.slice(start));
  return pieces;
}
