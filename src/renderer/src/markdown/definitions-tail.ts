// Replies that cite sources often end with their link definitions, one per line, all in one
// block. Streamed as the tail, that block used to be parsed whole every frame (it renders
// nothing), and the links above it stayed plain text until the reply ended. A tail made only of
// definition lines is now recognised with a line test: it renders nothing, and each definition
// joins the message's definitions as soon as its line is complete, so links light up as their
// definitions arrive.
import { definitionsIn } from './split/verify.ts';

// One CommonMark definition on one line: label, destination (bare or in <>), optional title.
const DEFINITION_LINE = /^ {0,3}\[(?=[^\]]*[^\s\]])(?:[^\\[\]]|\\.){1,999}\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/;
// What the line still arriving can be on its way to becoming a definition: "[lab", "[label]",
// "[label]:", "[label]: https://exa", or nothing yet. Anything else ("[1] Smith", a title on its
// own line) is left to the parser.
const DEFINITION_START = /^ {0,3}(?:\[(?:[^\\[\]\n]|\\.)*(?:\](?::.*)?)?)?$/;

/**
 * For a streaming tail that holds only definition lines (the last possibly still arriving), the
 * text of its complete lines ('' while the first is arriving); null for any other tail.
 */
export function definitionsOnly(tail: string): string | null {
  // Asked twice a frame for the same tail (the message, then its Block): scanned once.
  if (tail === lastTail) return lastComplete;
  lastTail = tail;
  lastComplete = scan(tail);
  return lastComplete;
}

let lastTail = '';
let lastComplete: string | null = null;

function scan(tail: string): string | null {
  if (!tail.startsWith('[') && !/^ {1,3}\[/.test(tail)) return null;
  const end = tail.lastIndexOf('\n');
  if (!DEFINITION_START.test(tail.slice(end + 1))) return null;
  let from = 0;
  while (from < end) {
    const next = tail.indexOf('\n', from);
    if (!DEFINITION_LINE.test(tail.slice(from, next))) return null;
    from = next + 1;
  }
  return tail.slice(0, end + 1);
}

interface Found {
  settled: string;
  /** The tail's complete definition lines read so far. */
  complete: string;
  ids: Set<string>;
  lines: string[];
  definitions: string;
}

let last: Found | null = null;

/**
 * The message's definitions while it streams: those of settled blocks (one line each, made by
 * split/verify.ts), then those in `complete`, a definitions-only tail's complete lines (from
 * definitionsOnly), the first of a label winning as in the whole text. The same string while
 * nothing new arrived; as lines complete, only the new ones are parsed.
 */
export function streamingDefinitions(settled: string, settledIds: ReadonlySet<string>, complete: string): string {
  if (complete === '') return settled;
  let found = last;
  if (found && found.settled === settled && found.complete === complete) return found.definitions;
  // Each line is a definition on its own, so lines added to the same tail parse on their own.
  if (!found || found.settled !== settled || !complete.startsWith(found.complete)) {
    found = { settled, complete: '', ids: new Set(settledIds), lines: settled ? [settled] : [], definitions: settled };
  }
  for (const [id, line] of definitionsIn(complete.slice(found.complete.length))) {
    if (found.ids.has(id)) continue;
    found.ids.add(id);
    found.lines.push(line);
  }
  found.complete = complete;
  found.definitions = found.lines.join('\n');
  last = found;
  return found.definitions;
}
