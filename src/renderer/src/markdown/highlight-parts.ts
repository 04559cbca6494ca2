import type { HLJSApi } from 'highlight.js';

// Runs where highlight.js runs (the worker, or the main thread when there is none): highlights
// the whole block in one pass, so tokens spanning lines (comments, strings) come out right, then
// cuts the markup along the plain parts' bounds. Spans open at a cut are closed at the end of one
// part and reopened at the start of the next, so every part is well-formed markup on its own.

/** Highlighted markup per part, or null when highlight.js does not know `lang`. */
export function highlightParts(api: HLJSApi, code: string, lang: string, lengths: number[]): string[] | null {
  return highlightRun(api, code, lang, lengths)?.parts ?? null;
}

export interface HighlightRun {
  parts: string[];
  /**
   * Whether highlight.js ended in the language's top-level mode (no comment, string or other
   * construct left open). Code after such a point highlights the same on its own as it would
   * after the code before it, which is what lets a growing block be highlighted piece by piece.
   */
  atRoot: boolean;
  /**
   * Asked for a growing block: the last part's markup without its last character (the line end
   * of the line still being typed), which stays true while more of that line arrives.
   */
  head?: string;
}

/** Like highlightParts, and says whether the code ended at the top level (see HighlightRun). */
export function highlightRun(api: HLJSApi, code: string, lang: string, lengths: number[], head = false): HighlightRun | null {
  const language = api.getLanguage(lang);
  if (!language) return null;
  // hljs escapes the code it emits, so its output is markup we produced, not model HTML.
  const result = api.highlight(code, { language: lang, ignoreIllegals: true }) as ReturnType<HLJSApi['highlight']> & { _top?: unknown };
  // `_top` is the mode highlight.js stopped in; a compiled language is its own top-level mode.
  const run: HighlightRun = { parts: splitMarkup(result.value, lengths), atRoot: result._top === language && !result.illegal };
  const last = lengths[lengths.length - 1] ?? 0;
  if (head && last > 0) run.head = splitMarkup(run.parts[run.parts.length - 1] ?? '', [last - 1, 1])[0];
  return run;
}

// A tag, an entity (hljs emits only &amp; &lt; &gt; &quot; &#x27;: one character each) or a run of text.
const TOKEN = /<[^>]*>|&[^;]*;|[^<&]+/g;

/** Cuts `html` so that part i holds exactly lengths[i] characters of text. */
export function splitMarkup(html: string, lengths: number[]): string[] {
  if (lengths.length === 0) return [];
  const out: string[] = [];
  const open: string[] = [];
  let part = '';
  let index = 0;
  let left = lengths[0] ?? 0;
  const cut = (): void => {
    out.push(part + '</span>'.repeat(open.length));
    index++;
    left = lengths[index] ?? Infinity;
    part = open.join('');
  };
  for (const [token] of html.matchAll(TOKEN)) {
    if (token.startsWith('<')) {
      if (token.startsWith('</')) open.pop();
      else open.push(token);
      part += token;
      continue;
    }
    if (token.startsWith('&')) {
      part += token;
      if (--left === 0 && index < lengths.length - 1) cut();
      continue;
    }
    let rest = token;
    while (rest.length >= left && index < lengths.length - 1) {
      part += rest.slice(0, left);
      rest = rest.slice(left);
      cut();
    }
    part += rest;
    left -= rest.length;
  }
  out.push(part);
  return out;
}
