// A code block is shown as a stack of parts of whole lines, each its own block box (see
// markdown.css). A part's bounds depend only on the text before it, so while a fence grows every
// part but the last stays identical, and once highlighted markup arrives it can replace the plain
// text one part at a time: the browser then lays out one part per swap instead of the whole block.

/** Characters per part before it is cut at the next line end: about 8 lines of code. */
export const PART_CHARS = 600;

/** `code` cut after a line end once each part holds PART_CHARS characters; '' gives no parts. */
export function codeParts(code: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < code.length; ) {
    const nl = code.indexOf('\n', start + PART_CHARS);
    const end = nl < 0 ? code.length : nl + 1;
    parts.push(code.slice(start, end));
    start = end;
  }
  return parts;
}

const TAB_SIZE = 8;

/**
 * How many lines `text` has and how many columns its longest line takes in a monospace font: a
 * tab runs to the next tab stop, and any character beyond ASCII counts as two, as wide as a CJK
 * character or an emoji (a guess that errs wide: a line may scroll a little past its end, never
 * stop short of it).
 */
export function extent(text: string): { lines: number; columns: number } {
  let lines = text.endsWith('\n') ? 0 : 1;
  let columns = 0;
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      column = 0;
      continue;
    }
    if (c === 9) column += TAB_SIZE - (column % TAB_SIZE);
    else if (c < 0x80) column++;
    // A surrogate pair is one character: the low half adds nothing.
    else if (c < 0xdc00 || c > 0xdfff) column += 2;
    if (column > columns) columns = column;
  }
  return { lines, columns };
}
