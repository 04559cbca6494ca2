// A table that is still growing is the one block that gets long without a blank line in it, so
// the tail would re-parse every row on every frame. Instead each row is its own chunk, parsed as
// a one-row table (header and delimiter row repeated, which GFM parses row by row the same way);
// completed rows never change, so they stay memoized and a frame renders only the rows that
// arrived in it. The streaming tail uses this, and so does the same block once it settles, so
// settling keeps the rows; a table that was never seen growing is parsed whole. A row whose cells
// are plain enough skips even its one-row parse (table-cells.ts).

export const ROWS_PER_CHUNK = 1;

const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const ROW = /^ {0,3}\|/;
const JUST_BEGUN = /^[ \t|]*$/;

/**
 * Chunk sources (header + delimiter, then header + delimiter + row each), or null when `tail` is
 * not one table alone. While the table grows, a last row that is only its opening pipe is left
 * out until its first cell comes: an empty row would flash, and a lone "|" may not be a row at all.
 */
export function tableChunks(tail: string, growing = false): string[] | null {
  // Runs on every streaming frame: most tails are not tables, so reject them before splitting.
  if (!ROW.test(tail)) return null;
  const lines = tail.split('\n');
  // Header and delimiter row, then the rows so far (the last possibly still arriving).
  if (lines.length < 2) return null;
  const header = lines[0] ?? '';
  const delimiter = lines[1] ?? '';
  if (!DELIMITER_ROW.test(delimiter) || cells(header) !== cells(delimiter)) return null;
  const rows = lines.slice(2);
  // Blank lines after the table (the next block has not begun, or a settled block's end).
  while (rows.length > 0 && (rows[rows.length - 1] ?? '').trim() === '') rows.pop();
  // Every row line (the unfinished last one included) must start with a pipe: anything else
  // might end the table or start another block, which only the whole-tail parse gets right.
  if (!rows.every((r) => ROW.test(r))) return null;
  const begun = growing && JUST_BEGUN.test(rows[rows.length - 1] ?? 'x');
  if (begun) rows.pop();
  const head = header + '\n' + delimiter + '\n';
  // The header is a chunk of its own, so rendering a growing first row does not render it again.
  const chunks: string[] = [head];
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
    chunks.push(head + rows.slice(i, i + ROWS_PER_CHUNK).join('\n') + '\n');
  }
  // The last row ends the way the tail ends (possibly mid-row, without a newline).
  if (!begun && rows.length > 0 && !tail.endsWith('\n')) chunks[chunks.length - 1] = (chunks[chunks.length - 1] ?? '').slice(0, -1);
  return chunks;
}

// What a delimiter row looks like while it arrives (nothing of it yet, or part of it).
const DELIMITER_START = /^ {0,3}\|?[ \t:|-]*$/;

/**
 * Asked of a streaming tail tableChunks did not take: whether it is a table's header row, alone or
 * with its delimiter row still arriving. Not a table yet, and shown as a paragraph it would flash
 * a line of pipes until it becomes one.
 */
export function tableHeadArriving(tail: string): boolean {
  if (!ROW.test(tail)) return false;
  const nl = tail.indexOf('\n');
  if (nl < 0) return true;
  const rest = tail.slice(nl + 1);
  return !rest.includes('\n') && DELIMITER_START.test(rest);
}

/** Number of cells in a row: unescaped pipes, not counting a leading or trailing one. */
function cells(row: string): number {
  const trimmed = row.trim();
  let n = 1;
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed[i] === '\\') i++;
    else if (trimmed[i] === '|' && i !== 0 && i !== trimmed.length - 1) n++;
  }
  return n;
}
