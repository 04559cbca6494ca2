import { useContext, useMemo } from 'react';
import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import type { Element, ElementContent } from 'hast';
import { BlockContext } from '../block-context.ts';
import { closedFence } from '../fenced-code.ts';
import { SourceContext } from '../source-context.ts';
import { codeParts } from '../code-parts.ts';
import { useHighlightedParts } from '../highlight-progress.ts';
import type { HighlightedParts } from '../highlight-progress.ts';
import { CodeView } from './CodeView.tsx';
import { isDisplayMath } from './MathPending.tsx';
import { DisplayMath } from './Formula.tsx';
import type { HighlightStatus } from './CodeView.tsx';

/**
 * Replaces react-markdown's `pre`: code highlighted as it grows (highlight-progress.ts); display
 * math as its TeX until its fence closes, then typeset.
 */
export function CodeBlock({ node }: ComponentProps<'pre'> & ExtraProps) {
  const source = useContext(SourceContext);
  const block = useContext(BlockContext);
  const code = node ? codeElement(node) : undefined;
  const text = code ? textOf(code.children) : '';
  const start = node?.position?.start.offset ?? 0;
  const closed = closedFence(source, start, node?.position?.end.offset ?? 0);
  if (code && isDisplayMath(code.properties.className)) return <DisplayMath tex={text} ready={block.settled || closed} />;
  const lang = code ? languageOf(code) : '';
  return <HighlightedCode text={text} lang={lang} offset={start} closed={closed} />;
}

/**
 * A code block at `offset` in its markdown block. Plain at once, and lit in a worker part by part
 * as it grows (highlight-progress.ts); the highlighted parts replace the plain ones in idle-time
 * slices, so neither highlighting nor swapping a large block in ever makes a frame or a task long.
 * The same component shows the fence open and closed, so closing it remounts nothing.
 */
export function HighlightedCode({ text, lang, offset, closed = false }: { text: string; lang: string; offset: number; closed?: boolean }) {
  const block = useContext(BlockContext);
  const final = block.settled || closed;
  const parts = useMemo(() => codeParts(text), [text]);
  const lit = useHighlightedParts(`${block.key}:${offset}`, text, lang, parts, final);
  return <CodeView lang={lang} code={text} status={statusOf(lang, lit)} parts={parts} html={lit.html} shown={lit.shown} head={lit.head} slots={lit.slots} />;
}

/**
 * What the highlighting shows, whether or not the code still grows: a block lit up to its last
 * character stays 'done' as its fence closes or the reply ends, so neither changes the DOM.
 * (A growing block can be all lit for a moment and then 'pending' again as more arrives.)
 */
function statusOf(lang: string, lit: HighlightedParts): HighlightStatus {
  // No language, or one highlight.js does not know: plain for good.
  if (!lang || lit.unknown) return 'plain';
  return lit.done ? 'done' : 'pending';
}

function codeElement(pre: Element): Element | undefined {
  return pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
}

function languageOf(code: Element): string {
  const names = code.properties.className;
  const list = Array.isArray(names) ? names : [];
  const cls = list.find((c) => typeof c === 'string' && c.startsWith('language-'));
  return typeof cls === 'string' ? cls.slice('language-'.length) : '';
}

function textOf(children: ElementContent[]): string {
  let out = '';
  for (const c of children) out += c.type === 'text' ? c.value : c.type === 'element' ? textOf(c.children) : '';
  return out;
}
