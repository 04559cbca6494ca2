// A block that is nothing but one fenced code block needs no markdown parser: its language and
// text follow from the fence lines alone. Used for closed fences, which are otherwise the largest
// blocks a reply re-parses when they are promoted. Anything unusual (indented fence, escapes or
// entities in the info string, CR or NUL characters) returns null and goes through the parser.

import { closesFence, fenceOpener } from './split/lines.ts';

export interface FencedCode {
  lang: string;
  /** The text react-markdown puts in <code>: the content plus a final newline when not empty. */
  code: string;
}

const SIMPLE_LANG = /^[^\s`\\&]*$/;

/** A language the fast paths take: plain characters, and not ```math, which KaTeX typesets. */
export function plainLanguage(lang: string): boolean {
  return SIMPLE_LANG.test(lang) && lang !== 'math';
}

export function fencedCodeOnly(raw: string): FencedCode | null {
  // A fence at column 0 or nothing: most blocks asked are not fences, and go no further.
  if (raw[0] !== '`' && raw[0] !== '~') return null;
  const nl = raw.indexOf('\n');
  if (nl < 0 || /[\r\0]/.test(raw)) return null;
  const opener = raw.slice(0, nl);
  const fence = fenceOpener(opener);
  if (fence?.kind !== 'code') return null;
  const lang = opener.slice(fence.length).trim().split(/[ \t]/, 1)[0] ?? '';
  if (!plainLanguage(lang)) return null;
  const lines = raw.slice(nl + 1).split('\n');
  const close = lines.findIndex((line) => closesFence(line, fence));
  if (close < 0) return null;
  // Only blank lines may follow the closing fence.
  for (let i = close + 1; i < lines.length; i++) if (!/^[ \t]*$/.test(lines[i] ?? '')) return null;
  const content = lines.slice(0, close).join('\n');
  return { lang, code: content === '' ? '' : content + '\n' };
}

/**
 * Whether source[start, end) is a fenced code block (or `$$` math block) whose closing fence has
 * arrived and ended its line: its text can no longer change, even while the reply streams on.
 */
export function closedFence(source: string, start: number, end: number): boolean {
  const raw = source.slice(start, end);
  const nl = raw.indexOf('\n');
  if (nl < 0 || source[end] !== '\n') return false;
  const fence = fenceOpener(raw.slice(0, nl));
  if (!fence) return false;
  return closesFence(raw.slice(raw.lastIndexOf('\n') + 1), fence);
}

/**
 * The code of a tail that is nothing but an open fence: its language and the lines so far, less
 * a closing fence that is only half typed (it would show as code for a frame, then vanish).
 * The text is what the reply would show if it ended here (see unclosedFenceCode): the line being
 * typed already has its line end, so the end of a reply inside the fence changes no text.
 */
export function openFenceCode(raw: string): FencedCode {
  const firstNl = raw.indexOf('\n');
  const opener = raw.slice(0, firstNl < 0 ? raw.length : firstNl);
  const lang = /^ {0,3}(?:`{3,}|~{3,})[ \t]*([^\s`]*)/.exec(opener)?.[1] ?? '';
  const body = firstNl < 0 ? '' : raw.slice(firstNl + 1);
  const lastNl = body.lastIndexOf('\n');
  const partialClose = /^ {0,3}(`+|~+)[ \t]*$/.test(body.slice(lastNl + 1));
  return { lang, code: endedCode(partialClose ? body.slice(0, lastNl + 1) : body) };
}

/** An unclosed fence's body as react-markdown shows it: without its last line end, plus one. */
function endedCode(body: string): string {
  const value = body.endsWith('\n') ? body.slice(0, -1) : body;
  return value === '' ? '' : value + '\n';
}

/**
 * The code of a reply that ended inside a fence it never closed, as react-markdown shows it (the
 * content without its last line end, plus one), or null for anything unusual (see fencedCodeOnly),
 * which then goes through the parser.
 */
export function unclosedFenceCode(raw: string): FencedCode | null {
  if (raw[0] === ' ' || /[\r\0]/.test(raw)) return null;
  const { lang } = openFenceCode(raw);
  if (!plainLanguage(lang)) return null;
  const firstNl = raw.indexOf('\n');
  return { lang, code: endedCode(firstNl < 0 ? '' : raw.slice(firstNl + 1)) };
}

export interface DisplayMathBlock {
  /** The TeX remark-math gives the block. */
  tex: string;
  /** Its closing fence has arrived and ended its line (see closedFence). */
  closed: boolean;
}

// "$$" at column 0 with nothing after it: anything on the opening line is remark-math's meta.
const MATH_OPENER = /^\$\$[ \t]*$/;
const MATH_CLOSER = /^ {0,3}\$\$+[ \t]*$/;

/**
 * A block that is nothing but one `$$` display formula, as remark-math reads it, or null for
 * anything else (an indented or one-line formula, CR or NUL characters), which goes through the
 * parser. An unclosed one runs to the end, less its last line end, as the parser has it.
 */
export function displayMathOnly(raw: string): DisplayMathBlock | null {
  if (raw[0] !== '$' || /[\r\0]/.test(raw)) return null;
  const lines = raw.split('\n');
  if (!MATH_OPENER.test(lines[0] ?? '')) return null;
  const close = lines.findIndex((line, i) => i > 0 && MATH_CLOSER.test(line));
  if (close < 0) {
    const body = lines.slice(1).join('\n');
    return { tex: body.endsWith('\n') ? body.slice(0, -1) : body, closed: false };
  }
  // Only blank lines may follow the closing fence.
  for (let i = close + 1; i < lines.length; i++) if (!/^[ \t]*$/.test(lines[i] ?? '')) return null;
  return { tex: lines.slice(1, close).join('\n'), closed: close < lines.length - 1 };
}
