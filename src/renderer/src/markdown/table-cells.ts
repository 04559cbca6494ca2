// A body row of a growing table is rendered straight from its text when every cell holds only
// markdown whose meaning is certain without the parser (plain-inline.ts). Parsing the row through
// react-markdown (header, delimiter and row, then remark-rehype and the JSX runtime) costs far
// more than the row's own layout, and it ran for every row, again on each frame a row grows.
import { plainInline } from './plain-inline.ts';
import type { Inline } from './plain-inline.ts';

export type Align = 'left' | 'right' | 'center' | null;

/** Column alignments from a delimiter row (":--" left, "--:" right, ":-:" center). */
export function alignments(delimiter: string): Align[] {
  return splitCells(delimiter).map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
  });
}

/**
 * The cells of a body row (`columns` of them: missing ones empty, extra ones dropped, as GFM does),
 * each as inline pieces; null when any cell needs the real parser.
 */
export function plainRowCells(line: string, columns: number): Inline[][] | null {
  // A backslash may escape a pipe (which splits cells differently) or anything else; a row of
  // nothing but pipes (one just begun) is left to the parser too.
  if (line.includes('\\') || line.includes('\r') || /^[ \t|]*$/.test(line)) return null;
  const cells = splitCells(line);
  const out: Inline[][] = [];
  for (let i = 0; i < columns; i++) {
    const pieces = plainInline(cells[i] ?? '');
    if (!pieces) return null;
    out.push(pieces);
  }
  return out;
}

/** Cell texts of a row, trimmed; the leading and trailing pipes are optional. Assumes no backslash. */
function splitCells(line: string): string[] {
  let row = trim(line);
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.split('|').map(trim);
}

// Markdown strips spaces and tabs only (String.trim would take a no-break space too).
const trim = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/g, '');

