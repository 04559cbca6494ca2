import { useContext, useEffect, useMemo, useState } from 'react';
import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import type { Element, ElementContent } from 'hast';
import { BlockContext } from '../block-context.ts';
import { codeParts } from '../code-parts.ts';
import { cachedHighlight, highlightInBackground } from '../highlight.ts';
import { inIdleSlices, onIdle } from '../idle.ts';
import { CodeView } from './CodeView.tsx';
import type { HighlightStatus } from './CodeView.tsx';

/** Replaces react-markdown's `pre`: plain while its block streams, highlighted once settled. */
export function CodeBlock({ node }: ComponentProps<'pre'> & ExtraProps) {
  const code = node ? codeElement(node) : undefined;
  const text = code ? textOf(code.children) : '';
  const lang = code ? languageOf(code) : '';
  return <HighlightedCode text={text} lang={lang} offset={node?.position?.start.offset ?? 0} />;
}

/**
 * A code block at `offset` in its markdown block. Plain at once; once settled it is highlighted
 * in a worker and the highlighted parts replace the plain ones in idle-time slices, so neither
 * highlighting nor swapping a large block in ever makes a frame or a task long.
 */
export function HighlightedCode({ text, lang, offset }: { text: string; lang: string; offset: number }) {
  const block = useContext(BlockContext);
  const key = `${block.key}:${offset}`;
  const wanted = block.settled && lang !== '';
  const parts = useMemo(() => codeParts(text), [text]);
  const cached = wanted ? cachedHighlight(key, text, lang) : null;
  const [result, setResult] = useState<Highlighted | null>(null);
  const fresh = result && result.text === text && result.lang === lang ? result : null;

  useEffect(() => {
    if (!wanted || cached !== null) return;
    let live = true;
    highlightInBackground(key, text, lang, parts.map((p) => p.length), (html) => {
      if (!live) return;
      if (!html) {
        onIdle(() => {
          if (live) setResult({ text, lang, html: null, shown: 0 });
        });
        return;
      }
      let shown = 0;
      inIdleSlices(() => {
        if (!live) return false;
        shown++;
        setResult({ text, lang, html, shown });
        return shown < html.length;
      });
    });
    return () => {
      live = false;
    };
  }, [wanted, cached, key, text, lang, parts]);

  const html = cached ?? fresh?.html ?? null;
  const shown = cached ? cached.length : (fresh?.shown ?? 0);
  return <CodeView lang={lang} code={text} status={statusOf(block.settled, lang, html, shown, fresh)} parts={parts} html={html} shown={shown} />;
}

function statusOf(settled: boolean, lang: string, html: string[] | null, shown: number, fresh: Highlighted | null): HighlightStatus {
  if (!settled) return 'streaming';
  if (html) return shown >= html.length ? 'done' : 'pending';
  // No language, or one highlight.js does not know: plain for good.
  return !lang || fresh ? 'plain' : 'pending';
}

interface Highlighted {
  text: string;
  lang: string;
  /** Markup per part, or null when the language is unknown. */
  html: string[] | null;
  /** Parts swapped in so far. */
  shown: number;
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
