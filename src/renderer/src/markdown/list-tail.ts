// A growing list is re-parsed whole on every frame, though only its last item changes. Instead,
// a tight list (no blank line anywhere: every item's parse is then the same alone as in the
// list) is cut into items, each parsed as a one-item list and poured into one list element
// (StreamingList.tsx); finished items stay memoized. Like a growing table, the same block keeps
// its items when it settles. Anything the cut could get wrong returns null and the list is
// parsed whole: a blank line (loose lists wrap items in paragraphs), a line at the left margin
// that is not an item of this list (it may end the list or continue an item lazily), a change of
// marker (a new list), an item whose first line leaves its task checkbox in doubt, definitions
// and footnotes.

export interface ListChunks {
  ordered: boolean;
  /** The first item's number (ordered lists only). */
  start: number;
  /** Each item's source, the last one as it is while it grows. */
  items: string[];
  /** Whether any item is a task (`- [ ] …`): the list element then carries `contains-task-list`. */
  tasks: boolean;
}

const ITEM = /^(?:([-*+])|(\d{1,9})([.)])) (?![ \t])/;
// A line of three or more "-", "*" or "_" (spaces between) is a thematic break, not an item.
const THEMATIC_BREAK = /^(?:[-*_][ \t]*){3,}$/;
// After the marker: a task's checkbox, then text.
const TASK = /^\[[ xX]\][ \t]+\S/;
// After the marker: a checkbox still arriving, or one with no text after it, which only the
// parser can judge.
const UNSURE_TASK = /^\[(?:[ xX](?:\][ \t]*)?)?$/;
// A last line that is only the start of a marker ("-", "3.", "4) "): the tail repair hides it.
const MARKER_PREFIX = /^(?:[-*+]|\d{1,9}[.)]?) ?$/;

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
  if (/\n[ \t]*\n/.test(text)) return null;
  const bullet = first[1];
  const delimiter = first[3];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const items: string[] = [];
  let tasks = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const last = i === lines.length - 1;
    const eol = last && !text.endsWith('\n') ? '' : '\n';
    if (line[0] === ' ' || line[0] === '\t') {
      items[items.length - 1] += line + eol;
      continue;
    }
    const m = ITEM.exec(line);
    if (m && (bullet ? m[1] === bullet : m[3] === delimiter) && !THEMATIC_BREAK.test(line)) {
      const content = line.slice(m[0].length);
      if (UNSURE_TASK.test(content) && !(last && growing)) return null;
      tasks ||= TASK.test(content);
      items.push(line + eol);
      continue;
    }
    // The start of the next item, still arriving: it goes with the last item, whose repair hides
    // it. In a settled list such a line ("-", "2.") is an empty item or text: the parser's to judge.
    if (last && growing && MARKER_PREFIX.test(line) && items.length > 0) {
      items[items.length - 1] += line;
      continue;
    }
    return null;
  }
  return { ordered: !bullet, start: bullet ? 1 : Number(first[2]), items, tasks };
}
