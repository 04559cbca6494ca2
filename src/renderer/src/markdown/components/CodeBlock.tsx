import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import type { Element, ElementContent } from 'hast';
import { BlockContext } from '../block-context.ts';
import { closedFence } from '../fenced-code.ts';
import { SourceContext } from '../source-context.ts';
import { codeParts } from '../code-parts.ts';
import { cachedHighlight, highlightInBackground } from '../highlight.ts';
import { inIdleSlices, onIdle } from '../idle.ts';
import { CodeView } from './CodeView.tsx';
import { isDisplayMath, MathPending } from './MathPending.tsx';
import type { HighlightStatus } from './CodeView.tsx';

/** Replaces react-markdown's `pre`: plain while its fence is open, highlighted once it closes. */
export function CodeBlock({ node }: ComponentProps<'pre'> & ExtraProps) {
  const source = useContext(SourceContext);
  const code = node ? codeElement(node) : undefined;
  const text = code ? textOf(code.children) : '';
  if (code && isDisplayMath(code.properties.className)) return <MathPending tex={text} />;
  const lang = code ? languageOf(code) : '';
  const start = node?.position?.start.offset ?? 0;
  const closed = closedFence(source, start, node?.position?.end.offset ?? 0);
  return <HighlightedCode text={text} lang={lang} offset={start} closed={closed} />;
}

/**
 * Cached markup of at most this many parts (about 19 KB of code) is shown at once, so a block that
 * mounts again (promoted out of the tail, a message scrolled back) does not flash plain; larger
 * blocks are swapped in by idle slices again rather than in one long task.
 */
const INSTANT_PARTS = 16;
/** At most this many parts swapped in by one idle-time commit. */
const MAX_BATCH = 32;

/**
 * A code block at `offset` in its markdown block. Plain at once; once its text is final (the
 * block settled, or its closing fence arrived while the reply streams on) it is highlighted in a
 * worker and the highlighted parts replace the plain ones in idle-time slices, so neither
 * highlighting nor swapping a large block in ever makes a frame or a task long.
 */
export function HighlightedCode({ text, lang, offset, closed = false }: { text: string; lang: string; offset: number; closed?: boolean }) {
  const block = useContext(BlockContext);
  const key = `${block.key}:${offset}`;
  const final = block.settled || closed;
  const wanted = final && lang !== '';
  const parts = useMemo(() => codeParts(text), [text]);
  const cached = wanted ? cachedHighlight(key, text, lang) : null;
  const instant = cached && cached.length <= INSTANT_PARTS ? cached : null;
  const [result, setResult] = useState<Highlighted | null>(null);
  const fresh = result && result.text === text && result.lang === lang ? result : null;
  const shownNow = useRef<Highlighted | null>(null);
  shownNow.current = fresh;

  useEffect(() => {
    if (!wanted || instant) return;
    // Only the key changed (earlier text of the tail was promoted): this text is already lit.
    const now = shownNow.current;
    if (now?.html && now.shown >= now.html.length) return;
    let live = true;
    const swapIn = (html: string[]): void => {
      let shown = 0;
      let batch = 1;
      inIdleSlices((lastMs, remainingMs) => {
        if (!live) return false;
        // As many parts as the rest of the slice holds at what the last batch cost per part.
        if (lastMs > 0) batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(remainingMs / (lastMs / batch))));
        shown = Math.min(html.length, shown + batch);
        setResult({ text, lang, html, shown });
        return shown < html.length;
      });
    };
    // Read here, not as a dependency: the result this effect stores would otherwise restart it.
    const hit = cachedHighlight(key, text, lang);
    if (hit) swapIn(hit);
    else {
      highlightInBackground(key, text, lang, parts.map((p) => p.length), (html) => {
        if (!live) return;
        if (html) swapIn(html);
        else {
          onIdle(() => {
            if (live) setResult({ text, lang, html: null, shown: 0 });
          });
        }
      });
    }
    return () => {
      live = false;
    };
  }, [wanted, instant, key, text, lang, parts]);

  const html = instant ?? fresh?.html ?? null;
  const shown = instant ? instant.length : (fresh?.shown ?? 0);
  return <CodeView lang={lang} code={text} status={statusOf(final, lang, html, shown, fresh)} parts={parts} html={html} shown={shown} />;
}

interface Highlighted {
  text: string;
  lang: string;
  /** Markup per part, or null when the language is unknown. */
  html: string[] | null;
  /** Parts swapped in so far. */
  shown: number;
}

function statusOf(final: boolean, lang: string, html: string[] | null, shown: number, fresh: Highlighted | null): HighlightStatus {
  if (!final) return 'streaming';
  if (html) return shown >= html.length ? 'done' : 'pending';
  // No language, or one highlight.js does not know: plain for good.
  return !lang || fresh ? 'plain' : 'pending';
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
