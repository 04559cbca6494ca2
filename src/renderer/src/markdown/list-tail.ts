// A growing list is re-parsed whole on every frame, though only its last item changes. Instead,
// the list is cut into items, each parsed as a one-item list and poured into one list element
// (StreamingList.tsx); finished items stay memoized. Like a growing table, the same block keeps
// its items when it settles. A loose list (blank lines between its items, as models often write
// numbered steps) has every item wrapped in a paragraph: each item is then parsed followed by a
// blank line and a stand-in item, which makes its one-item list loose too. Anything the cut could
// get wrong returns null and the list is parsed whole: a blank line followed by anything but the
// next item (an item's second paragraph, code), a line at the left margin that is not an item of
// this list (it may end the list or continue an item lazily), a change of marker (a new list), an
// item whose first line leaves its task checkbox in doubt, definitions and footnotes.

export interface ListChunks {
  ordered: boolean;
  /** The first item's number (ordered lists only). */
  start: number;
  /** Each item's source, the last one as it is while it grows. */
  items: string[];
  /** Whether any item is a task (`- [ ] …`): the list element then carries `contains-task-list`. */
  tasks: boolean;
  /** Blank lines separate items: every item is a paragraph. */
  loose: boolean;
  /** An item of this list to follow each item's own parse when the list is loose (see above). */
  standIn: string;
}

const ITEM = /^(?:([-*+])|(\d{1,9})([.)])) (?![ \t])/;
// A line of three or more "-", "*" or "_" (spaces between) is a thematic break, not an item.
const THEMATIC_BREAK = /^(?:[-*_][ \t]*){3,}$/;
// After the marker: a task's checkbox, then text.
const TASK = /^\[[ xX]\][ \t]+\S/;
// The same, with spaces only after the box (a tab is expanded as the parser sees fit).
const TASK_BOX = /^\[([ xX])\]( +)(?=\S)/;

/** A task item's box at the start of its text: checked or not, and the spaces after it; else null. */
export function taskBox(text: string): { checked: boolean; space: string } | null {
  const m = TASK_BOX.exec(text);
  return m && { checked: m[1] !== ' ', space: m[2] ?? '' };
}

// After the marker: a checkbox still arriving, or one with no text after it, which only the
// parser can judge.
const UNSURE_TASK = /^\[(?:[ xX](?:\][ \t]*)?)?$/;
// A last line that is only the start of a marker ("-", "3.", "4) "): the tail repair hides it.
const MARKER_PREFIX = /^(?:[-*+]|\d{1,9}[.)]?) ?$/;
const FENCE = /`{3}|~{3}/;

/**
 * Items of a tight list that is the whole of `tail`, or null (see above). While the list is
 * `growing`, its last line may hold a checkbox still arriving: that item shows as its own parse
 * does, and the list's task class follows the other items until the line is complete.
 */
export function listChunks(tail: string, growing = false): ListChunks | null {
  // Runs on every streaming frame: most tails are not lists.
  const first = ITEM.exec(tail);
  if (!first || tail.includes(']:') || tail.includes('[^')) return null;
  const text = tail.replace(/\n[ \t\n]*$/, '\n');
  const bullet = first[1];
  const delimiter = first[3];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const items: string[] = [];
  let tasks = false;
  let loose = false;
  let afterBlank = false;
  /** The last item's content column: where its marker and the space after it end. */
  let column = first[0].length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const last = i === lines.length - 1;
    const eol = last && !text.endsWith('\n') ? '' : '\n';
    if (/^[ \t]*$/.test(line)) {
      afterBlank = true;
      continue;
    }
    const m = ITEM.exec(line);
    const item = m !== null && (bullet ? m[1] === bullet : m[3] === delimiter) && !THEMATIC_BREAK.test(line);
    const nextOnItsWay = last && growing && MARKER_PREFIX.test(line) && items.length > 0;
    // After a blank line only the next item (or its marker, arriving) keeps the cut exact.
    if (afterBlank && !item && !nextOnItsWay) return null;
    loose ||= afterBlank;
    afterBlank = false;
    if (line[0] === ' ' || line[0] === '\t') {
      // Inside the last item only from its content column on ("10. " needs four spaces);
      // less is a lazy line or a list of its own: the parser's to judge.
      if (indentOf(line) < column) return null;
      items[items.length - 1] += line + eol;
      continue;
    }
    if (m && item) {
      column = m[0].length;
      const content = line.slice(m[0].length);
      if (UNSURE_TASK.test(content) && !(last && growing)) return null;
      tasks ||= TASK.test(content);
      items.push(line + eol);
      continue;
    }
    // The start of the next item, still arriving: it goes with the last item, whose repair hides
    // it. In a settled list such a line ("-", "2.") is an empty item or text: the parser's to judge.
    if (nextOnItsWay) {
      items[items.length - 1] += line;
      continue;
    }
    return null;
  }
  // A fence opened on an item's line (or a nested item's) may hold the blank lines after it,
  // which then do not make the list loose: the parser's to judge.
  if (loose && FENCE.test(text)) return null;
  return { ordered: !bullet, start: bullet ? 1 : Number(first[2]), items, tasks, loose, standIn: `${bullet ?? `1${delimiter}`} x\n` };
}

/**
 * An item of a list cut by listChunks, as its first line's text and the list nested under that
 * line (cut into items in turn), or null when the item holds anything else. A nested list must
 * start between the item's text column and three spaces past it (further in, the line continues
 * the text), and an ordered one must start at 1 (no other number can interrupt the text above).
 */
export function itemParts(own: string, growing: boolean): { text: string; nested: ListChunks | null } | null {
  const lines = own.replace(/\n+$/, '').split('\n');
  const first = lines[0] ?? '';
  const marker = ITEM.exec(first);
  if (!marker) return null;
  const text = first.slice(marker[0].length);
  if (lines.length === 1) return { text, nested: null };
  const rest = lines.slice(1);
  const indent = /^ */.exec(rest[0] ?? '')?.[0].length ?? 0;
  const column = marker[0].length;
  if (indent < column || indent > column + 3 || rest.some((line) => !line.startsWith(' '.repeat(indent)))) return null;
  const nested = listChunks(rest.map((line) => line.slice(indent)).join('\n') + (own.endsWith('\n') ? '\n' : ''), growing);
  if (!nested || (nested.ordered && nested.start !== 1)) return null;
  return { text, nested };
}

/** Columns of leading whitespace, a tab reaching the next multiple of four. */
function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}
