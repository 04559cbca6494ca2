import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KatexOptions } from 'katex';
import { KATEX_OPTIONS } from '../../../shared/markdown/grammar.ts';
import { batchedStep, inIdleCommit, inIdleSlices, layoutNow } from './idle.ts';

// Math is typeset formula by formula, not block by block. KaTeX is large: it is fetched the first
// time a formula shows. A formula's markup is cached by its TeX, so a formula typeset while its
// block was the streaming tail is the same markup, unchanged in the DOM, when the block settles
// or the reply ends: nothing is typeset twice and the end of a reply has nothing left to do.
// While a reply streams, a formula shows its TeX until an idle-time slice shows it typeset (never
// inside a frame), even one already in the cache; the block a reply ends on is typeset in the
// commit that ends it, and a reply shown whole shows cached formulas at once.

type Katex = typeof import('katex').default;

let katex: Katex | null = null;
let requested = false;
const listeners = new Set<() => void>();

function request(): void {
  if (requested) return;
  requested = true;
  void import('katex').then(async (m) => {
    await fontsIn();
    katex = m.default;
    for (const listener of listeners) listener();
  });
}

// Formulas are typeset only once KaTeX's usual fonts are in: one laid out with a fallback font
// would move its rows (and the text beside it) when its font arrived. A font that never comes
// (blocked, slow disk) holds typesetting back a few seconds at most.
const FONTS = ['1em KaTeX_Main', 'italic 1em KaTeX_Math', '1em KaTeX_Size1', '1em KaTeX_Size2', '1em KaTeX_AMS'];
const FONT_WAIT_MS = 3000;

function fontsIn(): Promise<unknown> {
  if (typeof document === 'undefined' || !('fonts' in document)) return Promise.resolve();
  const loads = Promise.all(FONTS.map((font) => document.fonts.load(font).catch(() => [])));
  return Promise.race([loads, new Promise((resolve) => setTimeout(resolve, FONT_WAIT_MS))]);
}

/** Whether a block's text may hold math. */
export function mayHoldMath(raw: string): boolean {
  return raw.includes('$');
}

/** For tests and the benchmark: resolves once KaTeX is available. */
export function mathReady(): Promise<void> {
  request();
  if (katex) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      listeners.delete(done);
      resolve();
    };
    listeners.add(done);
  });
}

/** A typeset formula: the outer element KaTeX made, and its contents as markup. */
export interface Typeset {
  className: string;
  title?: string;
  color?: string;
  inner: string;
}

const KEEP = 2000;
const cache = new Map<string, Typeset>();
const keyOf = (tex: string, display: boolean): string => (display ? 'D' : 'I') + tex;

function cached(tex: string, display: boolean): Typeset | undefined {
  return cache.get(keyOf(tex, display));
}

// KaTeX emits markup from TeX it parsed itself (trust: false), never the model's HTML.
function typeset(tex: string, display: boolean): Typeset {
  const key = keyOf(tex, display);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = render(katex as Katex, tex, display);
  cache.set(key, result);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return result;
}

// What rehype-katex gives (the HTML export uses it): strict first; on an error, KaTeX's own error
// rendering; on anything else, the TeX in KaTeX's error colour.
function render(api: Katex, tex: string, displayMode: boolean): Typeset {
  const options: KatexOptions = { ...KATEX_OPTIONS, displayMode };
  let html: string;
  try {
    html = api.renderToString(tex, { ...options, throwOnError: true });
  } catch (error) {
    try {
      html = api.renderToString(tex, { ...options, strict: 'ignore', throwOnError: false });
    } catch {
      return { className: 'katex-error', title: String(error), color: '#cc0000', inner: escapeHtml(tex) };
    }
  }
  return outer(html) ?? { className: 'katex-error', color: '#cc0000', inner: escapeHtml(tex) };
}

// KaTeX wraps every result in one span: `<span class="katex">` inline, `<span class="katex-display
// …">` for display math, `<span class="katex-error" title="…" style="color:…">` for an error.
const OUTER = /^<span class="([^"]*)"(?: title="([^"]*)")?(?: style="color:([^"]*)")?>([\s\S]*)<\/span>$/;

function outer(html: string): Typeset | null {
  const m = OUTER.exec(html);
  if (!m) return null;
  const inner = m[4] ?? '';
  let className = m[1] ?? '';
  if (className === 'katex' && !hasBreak(inner)) className += ` ${UNBREAKABLE}`;
  return { className, title: m[2] === undefined ? undefined : unescapeAttribute(m[2]), color: m[3], inner };
}

/**
 * Class of an inline formula KaTeX made as one box (markdown.css): the line can break only between
 * its boxes, at a relation or a binary operator, so a formula without one is as wide as it is.
 */
const UNBREAKABLE = 'md-math-unbreakable';

function hasBreak(inner: string): boolean {
  const first = inner.indexOf('class="katex-base"');
  return first >= 0 && inner.includes('class="katex-base"', first + 1);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeAttribute(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Whether the reply is still streaming (`current`, read as each formula renders: the reply ending
 * re-renders no formula through it). While it streams, a formula waits for idle time even when it
 * was typeset before, as a new one does (the block a reply ends on still typesets in its commit).
 * Its style and layout (an inline formula is some 40 elements, a display one a hundred or more)
 * would otherwise land in the frame that shows it: those were the costliest frames of a long reply
 * with math. A reply shown whole shows the formulas it has typeset at once.
 */
export const ReplyStreamingContext = createContext<{ readonly current: boolean }>({ current: false });

/**
 * Shows now every formula waiting for idle time whose typeset form is cached: called as a reply
 * ends, in the commit that ends it, so the end leaves only formulas never typeset to idle time.
 */
export function showCachedWaiting(): void {
  for (const [key, entry] of waiting) {
    const hit = cache.get(key);
    if (!hit) continue;
    waiting.delete(key);
    for (const show of entry.show) show(hit);
  }
}

/** Set by the block a reply ends on: its formulas are typeset in that commit if KaTeX is in. */
export const TypesetNowContext = createContext(false);

// Formulas waiting for idle time, each with the components showing it.
const waiting = new Map<string, { tex: string; display: boolean; show: Set<(t: Typeset) => void> }>();

function typesetLater(tex: string, display: boolean, show: (t: Typeset) => void): () => void {
  const key = keyOf(tex, display);
  let entry = waiting.get(key);
  if (!entry) {
    entry = { tex, display, show: new Set() };
    waiting.set(key, entry);
    if (waiting.size === 1) void mathReady().then(() => inIdleSlices(batchedStep(MAX_BATCH, typesetSome)));
  }
  entry.show.add(show);
  return () => {
    const e = waiting.get(key);
    e?.show.delete(show);
    if (e && e.show.size === 0) waiting.delete(key);
  };
}

/** At most this many formulas typeset and shown by one idle-time commit. */
const MAX_BATCH = 16;

// One idle-time step: `n` formulas typeset and shown in one commit (its layout paid in the slice).
function typesetSome(n: number): boolean {
  for (const [key, entry] of waiting) {
    if (n-- <= 0) break;
    waiting.delete(key);
    const result = typeset(entry.tex, entry.display);
    for (const show of entry.show) show(result);
  }
  return waiting.size > 0;
}

/**
 * The typeset form of a formula, or null while it shows its TeX. `ready` false (display math whose
 * closing `$$` has not arrived) keeps it as TeX: half a formula would typeset as an error.
 */
export function useTypeset(tex: string, display: boolean, ready = true): Typeset | null {
  const now = useContext(TypesetNowContext);
  const inFrame = !useContext(ReplyStreamingContext).current;
  const key = keyOf(tex, display);
  const [late, setLate] = useState<{ key: string; result: Typeset } | null>(null);
  // An idle-time commit may show it at once (a settled paragraph parsed whole builds its formulas
  // again there), and once shown it stays shown.
  const shownKey = useRef('');
  const fromCache = inFrame || now || inIdleCommit() || shownKey.current === key ? cached(tex, display) : undefined;
  const hit = ready ? (fromCache ?? (now && katex ? typeset(tex, display) : undefined)) : undefined;
  const shown = hit ?? (ready && late?.key === key ? late.result : null);
  if (shown) shownKey.current = key;
  const wanted = shown === null && ready;
  useEffect(() => {
    if (!wanted) return;
    return typesetLater(tex, display, (result) => setLate({ key: keyOf(tex, display), result }));
  }, [tex, display, wanted]);
  // Typeset by an idle-time commit: its layout is paid there too, not by the next frame.
  useLayoutEffect(() => {
    if (late) layoutNow();
  }, [late]);
  return shown;
}
