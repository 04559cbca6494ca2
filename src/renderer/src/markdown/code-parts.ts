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
