// Text with an unbroken run of thousands of characters (a base64 blob, a minified file, a model
// stuck on one token) is not prose: markdown parsing it is super-linear, and laying it out as one
// paragraph that wraps anywhere takes Chromium seconds per megabyte, again on every streamed
// frame. Such text is drawn as plain chunks instead (LongText.tsx); this file finds it and cuts it.

/** A run of non-space characters at least this long makes a block "long text". */
export const LONG_WORD = 5_000;
/** Characters per chunk: each chunk is laid out (or skipped off screen) on its own. */
const CHUNK = 2_000;
/** How far back from a chunk's end a space is looked for, so ordinary words are not cut. */
const LOOK_BACK = 200;

const isSpace = (code: number): boolean => code <= 32;

/** One pass, no regex (a `\S{n}` pattern backtracks n characters at every start). */
export function hasLongWord(text: string, atLeast = LONG_WORD): boolean {
  if (text.length < atLeast) return false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0;
    else if (++run >= atLeast) return true;
  }
  return false;
}

/**
 * Chunk boundaries that depend only on the text before them, so a growing text keeps its earlier
 * chunks unchanged (and their components memoized): a chunk ends after a space near its end, or
 * at CHUNK characters when there is none.
 */
export function longTextChunks(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > CHUNK) {
    let end = start + CHUNK;
    for (let i = end - 1; i > end - LOOK_BACK; i--) {
      if (isSpace(text.charCodeAt(i))) {
        end = i + 1;
        break;
      }
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  chunks.push(text.slice(start));
  return chunks;
}
