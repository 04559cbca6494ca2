// What a typed search means, word by word: shared by main (the FTS5 query and snippets) and the
// window (marking the same words inside the message a hit opens), so both agree on a match.

export interface Term {
  /** Folded like the FTS5 tokenizer folds (lower case, no diacritics). */
  word: string;
  prefix: boolean;
}

/** One group of typed words: a "quoted phrase" or a single bare word's tokens. */
export interface QueryGroup {
  words: string[];
  phrase: boolean;
}

// The characters FTS5's unicode61 tokenizer keeps inside a token.
export const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Splits what a person typed into groups and terms. The last word, if at least two letters and
 * still being typed (no space after it), is a prefix so results appear while typing.
 */
export function parseQuery(input: string): { groups: QueryGroup[]; terms: Term[] } {
  const groups: QueryGroup[] = [];
  const terms: Term[] = [];
  for (const m of input.matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    const words = (m[1] ?? m[2] ?? '').match(TOKEN);
    if (!words) continue;
    terms.push(...words.map((w) => ({ word: fold(w), prefix: false })));
    groups.push({ words, phrase: m[1] !== undefined });
  }
  const last = terms.at(-1);
  if (last && /[\p{L}\p{N}\p{M}]$/u.test(input) && last.word.length >= 2) last.prefix = true;
  return { groups, terms };
}

/** [start, end) of every token in `text` that one of the terms matches. */
export function termRanges(text: string, terms: readonly Term[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = fold(m[0]);
    if (terms.some((t) => (t.prefix ? token.startsWith(t.word) : token === t.word))) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
