// A block is parsed with the message's link definitions appended (split/splitter.ts), but only
// the ones it can refer to: each one appended costs parse time, and a definition that arrives
// late (references at the end of a reply) then re-renders only the blocks that mention it.
//
// References match definitions by label, compared after collapsing whitespace and folding case
// (CommonMark's normalization, on the source text). A reference therefore contains each
// whitespace-free word of its label, case-folded, in the block's source; the longest such word is
// the test. It may keep a definition the block does not use (harmless), never drop one it does.

interface Parsed {
  line: string;
  /** Case-folded word of the label that any reference to it contains; '' = keep always. */
  word: string;
}

let lastDefinitions = '';
let lastParsed: Parsed[] = [];

/** The lines of `definitions` that `raw` may refer to, joined by newlines ('' for none). */
export function definitionsFor(raw: string, definitions: string): string {
  if (definitions === '' || !raw.includes('[')) return '';
  const folded = fold(raw);
  const kept: string[] = [];
  for (const { line, word } of parse(definitions)) if (word === '' || folded.includes(word)) kept.push(line);
  return kept.length === lastParsed.length ? definitions : kept.join('\n');
}

function parse(definitions: string): Parsed[] {
  if (definitions === lastDefinitions) return lastParsed;
  const records: string[] = [];
  // A title may span lines: a line that does not start a definition continues the previous one.
  for (const line of definitions.split('\n')) {
    if (records.length > 0 && !START.test(line)) records[records.length - 1] += '\n' + line;
    else records.push(line);
  }
  lastParsed = records.map((line) => ({ line, word: labelWord(line) }));
  lastDefinitions = definitions;
  return lastParsed;
}

const START = /^\[[^\]]*\]: </;

// Lines are made by split/verify.ts as `[label]: <destination>`, the label's whitespace collapsed.
function labelWord(line: string): string {
  const end = line.indexOf(']: <');
  const label = end > 0 ? line.slice(1, end) : '';
  // Escapes and brackets in a label make the cut above uncertain: such a definition always stays.
  if (label === '' || /[\\[\]]/.test(label)) return '';
  let word = '';
  for (const w of fold(label).split(' ')) if (w.length > word.length) word = w;
  return word;
}

function fold(text: string): string {
  return text.replace(/[\t\n\r ]+/g, ' ').toLowerCase().toUpperCase();
}
