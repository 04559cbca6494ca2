// Inline markdown whose meaning is certain without the parser: plain words, `code`, $math$, *em*,
// **strong**, ~~strike~~, [text](url), references ([text][label], [text][], [label]) and bare
// http(s) URLs with plain text around them, and markers that cannot pair with anything (a lone
// "**" between spaces, a "`" or "[" nothing closes). Growing table rows (table-cells.ts) and the
// streaming paragraph (plainParagraph below) are rendered from it straight, skipping
// react-markdown. Anything else (escapes, entities, HTML, other autolink-like text, nested or
// unpaired markers, images, footnotes) returns null and the text is parsed as before, so what the
// parser would decide is never guessed. The elements produced are the ones the parser gives
// (components/PlainInlines.tsx), math through the same formula component, which typesets it.
//
// A reference's meaning depends on a definition that may arrive later (at the end of the reply),
// so it is kept as its label and looked up when rendered (components/ReferenceLink.tsx). With
// plain text and label, and nothing after it that could make it part of another link, what the
// parser shows is certain either way: the link if the label is defined, else the source text as
// written (CommonMark does not fall back to "[text]" alone as a shortcut when a label follows it).
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code' | 'math'; text: string }
  | { kind: 'em' | 'strong' | 'del'; text: string }
  | { kind: 'link'; href: string; text: string }
  /** `id` is the label as mdast identifies it; `suffix` what follows the text as written ("[label]", "[]" or ""). */
  | { kind: 'ref'; id: string; text: string; suffix: string };

// Characters that may start markup, an entity, HTML, math or an escape.
const SPECIAL = /[`*_~[\]<>&$\\!|]/;
// What GFM may turn into a link on its own (autolink literals). "http:" or "https:" starts one
// only with "//" after it: a link cut short at "(https:", as a row cut mid-cell leaves it, is text.
const AUTOLINK_LIKE = /www\.|https?:\/\/|mailto:|xmpp:|@/i;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
// After a closing marker: the end, a space, or punctuation that cannot continue the run.
const AFTER_CLOSER = /[\s.,;:?)]/;
// A link destination the parser keeps character for character (no escapes, entities, spaces,
// parentheses or anything normalizeUri would percent-encode).
const DESTINATION = /^[A-Za-z0-9\-._~:/?#@!$'+,;=]+$/;

/** Text free of anything that might be markup. */
function plainText(text: string): boolean {
  return !SPECIAL.test(text) && !AUTOLINK_LIKE.test(text);
}

/** Inline pieces of `source` (a table cell, a paragraph's line), or null when the parser's view of it is not certain. */
export function plainInline(source: string): Inline[] | null {
  const out: Inline[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  // A "[" that stays text, open before a URL, might change how GFM reads the URL: left to the parser.
  let openBracket = false;
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    const piece =
      c === '`' || c === '$'
        ? spanAt(source, i)
        : c === '['
          ? (linkAt(source, i) ?? referenceAt(source, i))
          : c === '*' || c === '_' || c === '~'
            ? (emphasisAt(source, i) ?? unevenEmphasisAt(source, i))
            : c === 'h' && !openBracket
              ? autolinkAt(source, i)
              : null;
    if (piece) {
      text += piece.before ?? '';
      flush();
      out.push(piece.inline);
      if (piece.after) text += piece.after;
      i = piece.end;
      continue;
    }
    const literal = literalAt(source, i);
    if (literal > 0) {
      openBracket ||= c === '[';
      text += source.slice(i, i + literal);
      i += literal;
      continue;
    }
    // "!" only matters before "[" (an image).
    if (SPECIAL.test(c) && (c !== '!' || source[i + 1] === '[')) return null;
    text += c;
    i++;
  }
  flush();
  // Autolink literals may span pieces of text, so the text is checked as a whole.
  for (const p of out) if (p.kind === 'text' && AUTOLINK_LIKE.test(p.text)) return null;
  return out;
}

interface Piece {
  inline: Inline;
  /** Text the piece's source starts or ends with that is not part of it (a marker left unpaired, an autolink's trailing punctuation). */
  before?: string;
  after?: string;
  end: number;
}

/** A code span or inline math between single backticks or dollars, with none inside. */
function spanAt(s: string, i: number): Piece | null {
  const c = s[i] ?? '';
  if (s[i + 1] === c || s[i - 1] === c) return null;
  const close = s.indexOf(c, i + 1);
  if (close < 0 || s[close + 1] === c) return null;
  let text = s.slice(i + 1, close);
  if (text.length === 0) return null;
  // One space is stripped from each side when both have one and the content is not all spaces.
  if (text.length >= 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') text = text.slice(1, -1);
  return { inline: { kind: c === '`' ? 'code' : 'math', text }, end: close + 1 };
}

/**
 * Length of the markers at `i` that are literal text whatever follows, else 0: a run of "*", "_"
 * or "~" with a space (or the text's edge) on both sides, or alone in the text, can neither open
 * nor close; backticks or dollars with none after them close nothing (code or math); a "[" with
 * no "]" after it, or a "]" (every "[" before it was a link or literal), starts and ends no link.
 */
function literalAt(s: string, i: number): number {
  const c = s[i] ?? '';
  if (c === '*' || c === '_' || c === '~') {
    let n = 1;
    while (s[i + n] === c) n++;
    const edged = (j: number): boolean => j < 0 || j >= s.length || SPACE.test(s[j] ?? '');
    // Nor can a run whose character the text holds nowhere else: it has nothing to pair with.
    const alone = !(i > 0 && s.lastIndexOf(c, i - 1) >= 0) && !s.includes(c, i + n);
    return (edged(i - 1) && edged(i + n)) || alone ? n : 0;
  }
  if (c === '`' || c === '$') {
    let n = 1;
    while (s[i + n] === c) n++;
    return s.includes(c, i + n) ? 0 : n;
  }
  if (c === '[') return s.includes(']', i + 1) ? 0 : 1;
  return c === ']' ? 1 : 0;
}

/** [text](destination) with plain text and a destination kept as it is. */
function linkAt(s: string, i: number): Piece | null {
  const close = s.indexOf(']', i + 1);
  if (close < 0 || s[close + 1] !== '(') return null;
  const text = s.slice(i + 1, close);
  const end = s.indexOf(')', close + 2);
  if (end < 0) return null;
  const href = s.slice(close + 2, end);
  if (text === '' || text.trim() !== text || !plainText(text) || !DESTINATION.test(href)) return null;
  return { inline: { kind: 'link', href, text }, end: end + 1 };
}

/**
 * [text][label] or [text][] with plain text and label, not followed by "[" or "(" (which would
 * make "[label]..." a link of its own); or a shortcut [label] not followed by "[", nor by a "("
 * that a ")" could close into an inline link. Not a footnote call ("[^1]").
 */
function referenceAt(s: string, i: number): Piece | null {
  const close = s.indexOf(']', i + 1);
  if (close < 0) return null;
  const shortcut = s[close + 1] !== '[';
  if (shortcut && s[close + 1] === '(' && s.includes(')', close + 2)) return null;
  const end = shortcut ? close : s.indexOf(']', close + 2);
  if (end < 0 || (!shortcut && (s[end + 1] === '[' || s[end + 1] === '('))) return null;
  const text = s.slice(i + 1, close);
  const label = (shortcut ? '' : s.slice(close + 2, end)) || text;
  if (text === '' || !plainText(text) || !plainText(label) || label.trim() === '' || label.length > 999) return null;
  if (text.startsWith('^') || label.startsWith('^')) return null;
  return { inline: { kind: 'ref', id: normalizeIdentifier(label).toLowerCase(), text, suffix: s.slice(close + 1, end + 1) }, end: end + 1 };
}

// A bare URL GFM makes a link of, in the part of its rules where the outcome is certain: http(s),
// a domain of letters, digits, "-" and "." starting with a letter or digit, a path of characters
// URL normalization keeps as they are, after the start, a space or "(". Trailing ".", ",", ":",
// ";", "?" and ")" are not part of it.
const AUTOLINK = /^https?:\/\/[A-Za-z0-9][A-Za-z0-9.-]*(?:[/?#:][A-Za-z0-9\-./?#=+:;,]*)?/;
const URL_END = /\s|$/g;
const TRAIL = /[.,:;?)]+$/;

function autolinkAt(s: string, i: number): Piece | null {
  // Asked at every word starting with "h": most are not URLs.
  if (!s.startsWith('http', i) || (i > 0 && !/[\s(]/.test(s[i - 1] ?? ''))) return null;
  URL_END.lastIndex = i;
  const end = URL_END.exec(s)?.index ?? s.length;
  const run = s.slice(i, end);
  const url = run.replace(TRAIL, '');
  const m = AUTOLINK.exec(url);
  // The whole run must be read (else something else decides where it ends).
  if (!m || m[0] !== url) return null;
  return { inline: { kind: 'link', href: url, text: url }, after: run.slice(url.length), end };
}

/**
 * "*w*", "**w**", "_w_", "__w__", "~w~" or "~~w~~" around plain text that begins and ends with a
 * letter or digit, opened after a space (or the text's start) and closed before a space,
 * punctuation that cannot continue it, or the end: the cases where flanking rules leave no doubt.
 */
function emphasisAt(s: string, i: number): Piece | null {
  const c = s[i] ?? '';
  let n = 1;
  while (s[i + n] === c) n++;
  if (n > 2 || (i > 0 && !SPACE.test(s[i - 1] ?? ''))) return null;
  const marker = c.repeat(n);
  const from = i + n;
  const close = s.indexOf(marker, from);
  if (close < 0) return null;
  const text = s.slice(from, close);
  const after = close + n;
  if (!plainText(text) || !WORD.test(text[0] ?? '') || !WORD.test(text[text.length - 1] ?? '')) return null;
  if (after < s.length && !AFTER_CLOSER.test(s[after] ?? '')) return null;
  const kind = c === '~' ? 'del' : n === 2 ? 'strong' : 'em';
  return { inline: { kind, text }, end: after };
}

/**
 * "**w*" or "*w**" (or with "_"), the character nowhere else in the text, as a cut-off or mistyped
 * bold leaves it: one character of the longer run pairs with the shorter into emphasis, the other
 * is text ("*" then <em>w</em>). With no other such marker around, nothing else can take it.
 */
function unevenEmphasisAt(s: string, i: number): Piece | null {
  const c = s[i] ?? '';
  if (c === '~' || (i > 0 && !SPACE.test(s[i - 1] ?? '')) || s.split(c).length !== 4) return null;
  const n = s[i + 1] === c ? 2 : 1;
  const close = s.indexOf(c, i + n);
  const after = close + 3 - n;
  if (close < 0 || s.slice(close, after) !== c.repeat(3 - n)) return null;
  const text = s.slice(i + n, close);
  if (!plainText(text) || !WORD.test(text[0] ?? '') || !WORD.test(text[text.length - 1] ?? '')) return null;
  if (after < s.length && !AFTER_CLOSER.test(s[after] ?? '')) return null;
  return { inline: { kind: 'em', text }, ...(n === 2 ? { before: c } : { after: c }), end: after };
}

const LETTER = /\p{L}/u;
// What else a paragraph's line can start with and still be a paragraph: emphasis, a code span,
// math, a link or reference. Not a list item ("* "), a thematic break ("***", "___"), a fence
// ("```", "~~~"), display math ("$$"), a definition ("[a]: "), a task's box in a list item
// ("[ ] ", "[x] ") or an image.
const INLINE_START = /^(?:[*_][^\s*_]|\*\*[^\s*]|__[^\s_]|~~?[^\s~]|`[^`]|\$[^$]|\[(?![^\]]*\]:)(?![ xX]\]))/;
// Finding a marker's closer scans ahead, so a huge line is left to the parser (which the
// streaming paragraph cuts into pieces well below this).
const PARAGRAPH_MAX = 4096;

/**
 * The inline pieces of a paragraph that is one line starting with a letter (nothing but a
 * paragraph can start so) or with inline markup (INLINE_START), or null when it needs the
 * parser. Trailing spaces and line ends are dropped, as the parser drops them at a paragraph's end.
 */
export function plainParagraph(markdown: string): Inline[] | null {
  const line = markdown.replace(/[ \t\n]+$/, '');
  if (line === last.line) return last.inlines;
  const inlines = line.length > PARAGRAPH_MAX || !(LETTER.test(line[0] ?? '') || INLINE_START.test(line)) || /[\n\r\0]/.test(line) ? null : plainInline(line);
  last = { line, inlines };
  return inlines;
}

// The last line read: the streaming tail's one-line paragraph is read by the block deciding how
// to show it (plainBlock), then again by the piece showing it, in the same render.
let last: { line: string; inlines: Inline[] | null } = { line: '', inlines: null };

export type PlainTag = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

export interface PlainBlock {
  tag: PlainTag;
  pieces: Inline[];
  /** How many block quotes hold it ("> > text": 2). */
  quotes: number;
}

// An ATX heading on one line with no "#" in its text (so no closing sequence to judge).
const HEADING = /^(#{1,6})[ \t]+([^#\n\r\0]+)$/;
// A paragraph's line, then a setext underline.
const SETEXT = /^([^\n]+)\n {0,3}(=+|-+)[ \t]*$/;
// A block quote's marker on a line ("> "; a tab after ">" is expanded, so left to the parser).
const QUOTE = /^ {0,3}> ?(?![ \t])/;

/**
 * A paragraph or heading (ATX of one line, or setext) whose inline markdown is certain, maybe in
 * block quotes that mark every line, as its element and pieces; else null.
 */
export function plainBlock(markdown: string, quotes = 0): PlainBlock | null {
  const text = markdown.replace(/[ \t\n]+$/, '');
  if (text.length > PARAGRAPH_MAX) return null;
  if (QUOTE.test(text)) {
    const inner = quoted(text);
    return inner === null ? null : plainBlock(inner, quotes + 1);
  }
  const heading = HEADING.exec(text);
  const setext = heading ? null : SETEXT.exec(text);
  if (heading || setext) {
    const pieces = heading ? plainInline(heading[2] ?? '') : plainParagraph(setext?.[1] ?? '');
    const level = heading ? (heading[1]?.length ?? 1) : setext?.[2]?.startsWith('=') ? 1 : 2;
    return pieces && { tag: `h${level}` as PlainTag, pieces, quotes };
  }
  const pieces = text.includes('\n') ? plainLines(text) : plainParagraph(text);
  return pieces && { tag: 'p', pieces, quotes };
}

/** The content of a block quote every line of which starts with its marker (no lazy lines), or null. */
function quoted(text: string): string | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const marker = QUOTE.exec(lines[i] ?? '');
    if (!marker) return null;
    lines[i] = (lines[i] ?? '').slice(marker[0].length);
  }
  return lines.join('\n');
}

// What ends a paragraph's line other than its last and changes how it reads: trailing spaces
// (two make a hard break), a backslash (a hard break).
const LINE_END_MARKUP = /[ \t\\]$/;

/**
 * A paragraph of several lines, read line by line and joined by the parser's soft line breaks.
 * Only when nothing can reach across a line end: every line starts as a paragraph's line does
 * (plainParagraph: so it starts no other block), and no line keeps a marker as text, which might
 * pair with one on another line (emphasis, a code span, a link's bracket).
 */
function plainLines(text: string): Inline[] | null {
  const lines = text.split('\n');
  const out: Inline[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (i < lines.length - 1 && LINE_END_MARKUP.test(line)) return null;
    const pieces = plainParagraph(line);
    if (!pieces || pieces.some((p) => p.kind === 'text' && SPECIAL.test(p.text))) return null;
    for (const p of i > 0 ? [{ kind: 'text', text: '\n' } as const, ...pieces] : pieces) {
      const last = out[out.length - 1];
      if (p.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + p.text };
      else out.push(p);
    }
  }
  return out;
}
