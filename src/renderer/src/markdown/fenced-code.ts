// A block that is nothing but one fenced code block needs no markdown parser: its language and
// text follow from the fence lines alone. Used for closed fences, which are otherwise the largest
// blocks a reply re-parses when they are promoted. Anything unusual (indented fence, escapes or
// entities in the info string, CR or NUL characters) returns null and goes through the parser.

export interface FencedCode {
  lang: string;
  /** The text react-markdown puts in <code>: the content plus a final newline when not empty. */
  code: string;
}

const OPENER = /^(`{3,}|~{3,})([^\n]*)\n/;
const SIMPLE_LANG = /^[^\s`\\&]*$/;

export function fencedCodeOnly(raw: string): FencedCode | null {
  const open = OPENER.exec(raw);
  if (!open || /[\r\0]/.test(raw)) return null;
  const seq = open[1] ?? '';
  const info = open[2] ?? '';
  if (seq[0] === '`' && info.includes('`')) return null;
  const lang = info.trim().split(/[ \t]/, 1)[0] ?? '';
  if (!SIMPLE_LANG.test(lang)) return null;
  const body = raw.slice(open[0].length);
  const closer = new RegExp(`^ {0,3}${seq[0] === '`' ? '`' : '~'}{${seq.length},}[ \\t]*$`);
  const lines = body.split('\n');
  let close = -1;
  for (let i = 0; i < lines.length; i++) {
    if (closer.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close < 0) return null;
  // Only blank lines may follow the closing fence.
  for (let i = close + 1; i < lines.length; i++) if (!/^[ \t]*$/.test(lines[i] ?? '')) return null;
  const content = lines.slice(0, close).join('\n');
  return { lang, code: content === '' ? '' : content + '\n' };
}
