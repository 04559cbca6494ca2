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

let lastKey = '';
let lastDefinitions = '';

/**
 * The message's definitions while it streams: those of settled blocks (one line each, made by
 * split/verify.ts), then those of a definitions-only tail's complete lines, the first of a label
 * winning as in the whole text. The same string while nothing new arrived.
 */
export function streamingDefinitions(settled: string, settledIds: ReadonlySet<string> | readonly string[], tail: string): string {
  const complete = definitionsOnly(tail);
  if (!complete) return settled;
  const key = settled + '\0' + complete;
  if (key === lastKey) return lastDefinitions;
  const seen = new Set(settledIds);
  const lines = settled ? [settled] : [];
  for (const [id, line] of definitionsIn(complete)) {
    if (seen.has(id)) continue;
    seen.add(id);
    lines.push(line);
  }
  lastKey = key;
  lastDefinitions = lines.join('\n');
  return lastDefinitions;
}
