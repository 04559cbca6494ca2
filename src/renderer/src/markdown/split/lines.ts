// Cheap line classifiers used by the scanner. They only have to be exact where a wrong answer
// would let a boundary through that the real parser disagrees with; everything else is checked
// by `verify.ts`, so these lean towards "not a boundary" when unsure.

export interface Fence {
  kind: 'code' | 'math';
  char: string;
  length: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const MATH_OPEN = /^ {0,3}(\${2,})([^$]*)$/;
const LIST_MARKER = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

export function isBlank(line: string): boolean {
  return /^[ \t\r]*$/.test(line);
}

export function startsAtColumnZero(line: string): boolean {
  const c = line.charCodeAt(0);
  return c !== 32 && c !== 9;
}

export function isListMarkerLine(line: string): boolean {
  return LIST_MARKER.test(line);
}

export function fenceOpener(line: string): Fence | null {
  const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
  const code = FENCE_OPEN.exec(clean);
  if (code) {
    const seq = code[1] ?? '';
    const info = code[2] ?? '';
    // A backtick fence's info string may not contain a backtick: "```a`b" is inline code.
    if (seq[0] === '`' && info.includes('`')) return null;
    return { kind: 'code', char: seq[0] ?? '`', length: seq.length };
  }
  const math = MATH_OPEN.exec(clean);
  if (math) return { kind: 'math', char: '$', length: (math[1] ?? '').length };
  return null;
}

export function closesFence(line: string, fence: Fence): boolean {
  const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
  let i = 0;
  while (i < 3 && clean[i] === ' ') i++;
  let n = 0;
  while (clean[i + n] === fence.char) n++;
  if (n < fence.length) return false;
  return /^[ \t]*$/.test(clean.slice(i + n));
}

// HTML blocks of CommonMark kinds 1–5 survive blank lines, so no boundary may fall inside them.
// Kinds 6 and 7 end at a blank line and need no tracking here.
const HTML_KINDS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Returns the pattern that ends the HTML block this line opens, or null. */
export function htmlBlockEnd(line: string): RegExp | null {
  for (const [open, end] of HTML_KINDS) {
    if (open.test(line)) {
      const rest = line.replace(open, '');
      return end.test(rest) ? null : end;
    }
  }
  return null;
}

// A fence or math opener the scanner cannot place exactly: indented, or behind a quote or list
// marker (such a fence ends with its container, which the scanner does not track).
const NESTED_OPENER = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*(?:`{3,}|~{3,}|\${2})/;
const PLAIN_OPENER = /^(?:`{3,}|~{3,}|\${2})/;
// HTML at the start of a line, possibly inside a container: kinds 6 and 7 swallow fence-like
// lines until a blank line, which the scanner does not model either.
const HTML_START = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*</;

/**
 * True when a line holds something only the real parser can place: nested or indented fences,
 * HTML, or a link or footnote definition (whose identifiers the renderer needs). A region made of
 * other lines needs no parse to know where its blocks end.
 */
export function needsParser(line: string): boolean {
  if (line.includes(']:')) return true;
  if (HTML_START.test(line)) return true;
  return NESTED_OPENER.test(line) && !PLAIN_OPENER.test(line);
}
