// Makes the still-growing end of a reply look like what it is about to become, so the user never
// sees "**", "`" or "[text](http" flash before the closing marker arrives. Only ever applied to
// the streaming tail; the settled render uses the text as it is.
import { displayMathOnly, fencedCodeOnly } from './fenced-code.ts';

// A last line holding nothing but the start of a block marker ("2", "- ", "##", "--", "``").
const MARKER_ONLY = /^ {0,3}(?:[-+*]|\d{1,9}[.)]?|#{1,6}|>|=+|-+|`{1,2}|~{1,2}|\${1,2})?[ \t]*$/;
// A table delimiter row on its way in, which would otherwise show as text under the header.
const DELIMITER_PREFIX = /^ {0,3}\|?[ \t]*:?-[-:| \t]*$/;
const OPEN_LINK_AT_END = /(!?)\[([^\]\n]*)\]\([^)\s]*$/;
const OPEN_BRACKET_AT_END = /!?\[[^\]\n]*$/;
// "[label]" at the very end is most likely a link whose "(" has not arrived yet (after "]" it is
// a reference's label: "[text][label]" is complete).
const LABEL_AT_END = /(!?)(?<!\])\[([^\]\n]*)\]$/;
// "[text][lab": a reference whose label is arriving shows its text, as a link's does.
const OPEN_REFERENCE_AT_END = /(!?)\[([^\]\n]*)\]\[[^\]\n]*$/;

export function repairTail(tail: string, inFence: boolean): string {
  const lastNl = tail.lastIndexOf('\n');
  const lastLine = tail.slice(lastNl + 1);
  if (inFence) {
    // Hide a closing fence that is only half typed; the code itself is shown as it is.
    return /^ {0,3}(`+|~+|\$+)[ \t]*$/.test(lastLine) ? tail.slice(0, lastNl + 1) : tail;
  }
  let text = tail;
  const prevLine = tail.slice(tail.lastIndexOf('\n', lastNl - 1) + 1, Math.max(lastNl, 0));
  if (MARKER_ONLY.test(lastLine) || (prevLine.includes('|') && DELIMITER_PREFIX.test(lastLine))) {
    text = tail.slice(0, lastNl + 1);
  }
  // Only the last paragraph can hold an unclosed inline construct worth repairing. A closed
  // formula or code block is none: its "_" or "*" are TeX or code, not markers left open.
  const segmentStart = lastBlankLineEnd(text);
  const segment = text.slice(segmentStart);
  if (displayMathOnly(segment)?.closed || fencedCodeOnly(segment)) return text;
  return text.slice(0, segmentStart) + repairInline(segment);
}

/**
 * The markdown for piece `i` of a block cut into pieces (long paragraph, table, list), each parsed
 * on its own: every piece needs the definitions, and while the block streams (`growing`) its last
 * piece is unfinished and repaired.
 */
export function tailPieceSource(pieces: readonly string[], i: number, definitions: string, growing = true): string {
  return withDefinitions(tailPieceText(pieces, i, growing), definitions);
}

/** Piece `i`'s own markdown, without definitions: repaired if it is the last of a growing block. */
export function tailPieceText(pieces: readonly string[], i: number, growing = true): string {
  const piece = pieces[i] ?? '';
  return growing && i === pieces.length - 1 ? repairTail(piece, false) : piece;
}

/** `markdown` with link definitions (markdown lines, or '') after it, where they end any block. */
export function withDefinitions(markdown: string, definitions: string): string {
  return definitions ? markdown + '\n\n' + definitions : markdown;
}

function lastBlankLineEnd(text: string): number {
  const i = text.search(/\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)/);
  if (i < 0) return 0;
  return text.indexOf('\n', i + 1) + 1;
}

export function repairInline(segment: string): string {
  const code = openCodeSpan(segment);
  if (code) {
    // Inside an unclosed code span nothing else is markup; close it (or drop a bare opener).
    const content = segment.slice(code.at + code.run.length);
    return content.trim() === '' ? segment.slice(0, code.at) : segment + code.run;
  }
  let text = withoutOpenMath(segment);
  text = text.replace(OPEN_LINK_AT_END, (_m, bang: string, label: string) => (bang ? '' : `[${label}](#)`));
  text = text.replace(OPEN_REFERENCE_AT_END, (_m, bang: string, label: string) => (bang ? '' : label));
  text = text.replace(LABEL_AT_END, (_m, bang: string, label: string) => (bang ? '' : label));
  text = text.replace(OPEN_BRACKET_AT_END, (m) => (m.startsWith('!') ? '' : m.slice(1)));
  return closeEmphasis(text);
}

// The TeX of a formula still arriving ("$x_1^"): no space in it yet, and short. Anything longer
// or with a space may be a price ("$5 and up"), which must not vanish while the reply streams.
const MATH_ARRIVING = /^[^\s$]{0,40}$/;

/** The segment without an inline formula still arriving at its end, which would show its raw TeX. */
function withoutOpenMath(segment: string): string {
  if (!segment.includes('$')) return segment;
  let open = -1;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\') i++;
    else if (c === '`') {
      // Closed code spans hold no math (an open one was handled before this is called).
      const run = runAt(segment, i, '`');
      const close = findRun(segment, i + run.length, run);
      if (close < 0) return segment;
      i = close + run.length - 1;
    } else if (c === '$') {
      if (segment[i + 1] === '$') return segment;
      open = open < 0 ? i : -1;
    }
  }
  if (open < 0 || !MATH_ARRIVING.test(segment.slice(open + 1))) return segment;
  return segment.slice(0, open).replace(/[ \t]+$/, '');
}

function openCodeSpan(s: string): { at: number; run: string } | null {
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c !== '`') {
      i++;
      continue;
    }
    const run = runAt(s, i, '`');
    const close = findRun(s, i + run.length, run);
    if (close < 0) return { at: i, run };
    i = close + run.length;
  }
  return null;
}

function runAt(s: string, i: number, c: string): string {
  let j = i;
  while (s[j] === c) j++;
  return s.slice(i, j);
}

function findRun(s: string, from: number, run: string): number {
  for (let i = s.indexOf(run, from); i >= 0; i = s.indexOf(run, i + 1)) {
    if (s[i - 1] !== '`' && s[i + run.length] !== '`') return i;
  }
  return -1;
}

const SPACE = /\s/;
const WORD = /[\p{L}\p{N}]/u;

export interface Delimiter {
  marker: string;
  at: number;
}

export interface EmphasisRun {
  length: number;
  /** The run as a delimiter: at most its first three characters. */
  marker: string;
  canOpen: boolean;
  canClose: boolean;
}

/** The run of "*", "_" or "~" starting at `i`, and whether it may open or close emphasis. */
export function emphasisRun(s: string, i: number): EmphasisRun {
  const c = s[i];
  let n = 1;
  while (s[i + n] === c) n++;
  const before = s[i - 1] ?? ' ';
  const after = s[i + n] ?? ' ';
  // An underscore inside a word is literal.
  const literal = c === '_' && WORD.test(before) && WORD.test(after);
  return {
    length: n,
    marker: s.slice(i, i + Math.min(n, 3)),
    canOpen: !literal && !SPACE.test(after),
    canClose: !literal && !SPACE.test(before),
  };
}

/** Applies the run at `at` to `open`, the delimiters waiting for a closer: closes the latest match, or opens. */
export function matchDelimiter(open: Delimiter[], run: EmphasisRun, at: number): void {
  const match = run.canClose ? findLast(open, run.marker) : -1;
  if (match >= 0) open.length = match;
  else if (run.canOpen) open.push({ marker: run.marker, at });
}

function closeEmphasis(input: string): string {
  const stack: Delimiter[] = [];
  /** The input ends (but for spaces) with a run that closed emphasis. */
  let closedAtEnd = false;
  const trimmed = input.replace(/[ \t]+$/, '');
  const end = trimmed.length;
  let i = 0;
  while (i < input.length) {
    const c = input[i] ?? '';
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = runAt(input, i, '`');
      const close = findRun(input, i + run.length, run);
      if (close < 0) break;
      i = close + run.length;
      continue;
    }
    if (c !== '*' && c !== '_' && c !== '~') {
      i++;
      continue;
    }
    const run = emphasisRun(input, i);
    const depth = stack.length;
    // GFM strikethrough takes one or two tildes; a longer run is literal.
    if (c !== '~' || run.length <= 2) matchDelimiter(stack, run, i);
    closedAtEnd = i + run.length === end && stack.length < depth;
    i += run.length;
  }
  let text = trimmed;
  // A marker with nothing after it yet is dropped rather than closed around nothing.
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top || top.at + top.marker.length < text.length) break;
    text = text.slice(0, top.at).replace(/[ \t]+$/, '');
    stack.pop();
  }
  // A closer still arriving ("**word*") would show as a literal "*" after the bold word: it is
  // completed below with the rest of its marker.
  const top = stack[stack.length - 1];
  const partial = /[*_~]+$/.exec(text)?.[0] ?? '';
  if (top && partial && !closedAtEnd && partial[0] === top.marker[0] && partial.length < top.marker.length && !SPACE.test(text[text.length - partial.length - 1] ?? ' ')) {
    text = text.slice(0, -partial.length);
  }
  // A trailing marker that could not open yet ("word *") would flash as a literal character.
  // The space before it goes too, or the closers added below would follow a space and close nothing.
  text = text.replace(/(^|\s)[*_~]{1,3}$/, '$1').replace(/\s+$/, '');
  for (let k = stack.length - 1; k >= 0; k--) text += stack[k]?.marker ?? '';
  return text;
}

function findLast(stack: Delimiter[], marker: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]?.marker === marker) return k;
  return -1;
}
