import { useContext, useEffect, useLayoutEffect, useState } from 'react';
import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import type { Element, ElementContent } from 'hast';
import { BlockContext } from '../block-context.ts';
import { cachedHighlight, highlightWhenIdle } from '../highlight.ts';
import { layoutNow } from '../idle.ts';
import { CodeView } from './CodeView.tsx';

/** Replaces react-markdown's `pre`: plain while its block streams, highlighted once settled. */
export function CodeBlock({ node }: ComponentProps<'pre'> & ExtraProps) {
  const code = node ? codeElement(node) : undefined;
  const text = code ? textOf(code.children) : '';
  const lang = code ? languageOf(code) : '';
  return <HighlightedCode text={text} lang={lang} offset={node?.position?.start.offset ?? 0} />;
}

/** A code block at `offset` in its markdown block, highlighted in idle time once settled. */
export function HighlightedCode({ text, lang, offset }: { text: string; lang: string; offset: number }) {
  const block = useContext(BlockContext);
  const key = `${block.key}:${offset}`;
  const wanted = block.settled && lang !== '';
  const cached = wanted ? cachedHighlight(key, text, lang) : null;
  const [result, setResult] = useState<{ text: string; html: string | null } | null>(null);
  const fresh = result && result.text === text ? result : null;

  useEffect(() => {
    if (!wanted || cached !== null) return;
    let live = true;
    highlightWhenIdle(key, text, lang, (html) => {
      if (live) setResult({ text, html });
    });
    return () => {
      live = false;
    };
  }, [wanted, cached, key, text, lang]);

  // A result that arrived after mount was applied by an idle-time commit: lay it out there.
  const upgraded = fresh?.html != null;
  useLayoutEffect(() => {
    if (upgraded) layoutNow();
  }, [upgraded]);

  const html = cached ?? fresh?.html ?? null;
  const status = !block.settled ? 'streaming' : html ? 'done' : !lang || fresh ? 'plain' : 'pending';
  return <CodeView lang={lang} code={text} status={status} html={html} />;
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
