// Markdown source as the words a reader sees, for search snippets: a snippet is one line of
// plain text, so table pipes, heading marks, fences and emphasis markers would only be noise.
// Code inside fences is kept as written (a `|` there is the code's own).

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

function inline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(`+)([^`]+?)\1/g, '$2')
    .replace(/(\*{1,3}|_{2,3}|~~)(?=\S)([^*~]*?\S)\1/g, '$2')
    .replace(/(^|\W)_(?=\S)([^_]*?\S)_(?=\W|$)/g, '$1$2');
}

function blockLine(line: string): string {
  if (TABLE_RULE.test(line) || THEMATIC_BREAK.test(line)) return '';
  let out = line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^\s*(>\s?)+/, '')
    .replace(/^\s*[-*+]\s+(\[[ xX]\]\s+)?/, '');
  // A table row: its cells, side by side.
  if (/^\s*\|.*\|\s*$/.test(out)) out = out.trim().slice(1, -1).split('|').map((cell) => cell.trim()).join(' ');
  return inline(out.replace(/^\s*\$\$\s*$/, ''));
}

export function markdownToPlain(markdown: string): string {
  let inFence: string | null = null;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    const fence = FENCE.exec(line)?.[1];
    if (fence && (inFence === null || (fence[0] === inFence[0] && fence.length >= inFence.length))) {
      inFence = inFence === null ? fence : null;
      continue;
    }
    out.push(inFence === null ? blockLine(line) : line);
  }
  // One line: a snippet is read across, and its ranges are computed on this very text.
  return out.join(' ').replace(/\s+/g, ' ').trim();
}
