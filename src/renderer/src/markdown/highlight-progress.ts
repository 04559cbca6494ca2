import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { cachedHighlight, highlightInBackground, highlightPiece } from './highlight.ts';
import { batchedStep, inIdleSlices, layoutNow } from './idle.ts';
import { lightPart } from './part-content.ts';
import type { PartSlots } from './part-content.ts';
import { renderStats } from './render-stats.ts';

// Highlighting a code block as it streams, so that the moment its fence closes almost all of it
// is already lit and the final paint swaps in one or two parts instead of the whole block.
//
// Parts (code-parts.ts) before the last never change while the code grows. Each time one is
// completed, the parts since the last "safe" part are sent to the worker: a safe part starts
// where highlight.js was back at the language's top level, so code from there highlights the
// same on its own as after everything before it. Usually that is just the new part; a comment or
// string left open keeps the safe point where it was, and the next piece starts there again
// (up to MAX_RERUN_PARTS, then the block waits for its fence to close). When the block is final,
// the rest is highlighted the same way, then the whole block once more in one pass: that result
// is cached like any settled block's and replaces a part only where it differs (in practice
// never), so the settled DOM is exactly what a one-shot render shows.
//
// The last part, still growing, is lit while it grows: one request at a time, for its latest
// text, a few times a second and whenever the text stops growing (never one queued per frame).
// Its markup shows while the part's text still starts with the text it was made for, less that
// text's line end (the line being typed has one already, see openFenceCode), the rest of the
// line plain after it. Once the markup for the last text is in,
// the fence closing or the reply ending finds the block lit and changes nothing on screen.

/** At most this many parts re-highlighted from one safe point while the code still grows. */
const MAX_RERUN_PARTS = 32;
/**
 * Cached markup of at most this many parts (about 10 KB of code) is shown at once, so a block that
 * mounts again (promoted out of the tail, a message scrolled back) does not flash plain; larger
 * blocks are swapped in by idle slices again rather than in one long task.
 */
const INSTANT_PARTS = 16;
/** At most this many parts swapped in by one idle-time commit. */
const MAX_BATCH = 32;
/** Up to this many parts are swapped in at once when their markup arrives. */
const DIRECT_PARTS = 2;
/**
 * While text keeps arriving, the growing part is highlighted again at most this often: each
 * request costs the page its message and a worker round trip, each swap a parse, style and paint
 * of the part's markup. A frame that brings no new text asks at once.
 */
const LIVE_EVERY_MS = 100;

/** Markup per part, with the text each was made for (it shows only while the part still has that text). */
interface Lit {
  lang: string;
  texts: ReadonlyArray<string | undefined>;
  html: ReadonlyArray<string | undefined>;
  /** highlight.js does not know the language: the block stays plain for good. */
  unknown: boolean;
  /** The growing last part's markup for its text less that text's last character. */
  head: Head | null;
}

interface Head {
  index: number;
  /** The part's text less its last character, which the markup is for. */
  text: string;
  html: string;
}

const NOTHING: Lit = { lang: '', texts: [], html: [], unknown: false, head: null };

interface Progress {
  lang: string;
  /** Parts before this one are lit from a top-level start (see above). */
  safe: number;
  /** Parts before this one have been sent to the worker. */
  asked: number;
  askedText: string;
  verified: boolean;
  unknown: boolean;
  /** Bumped on a restart, so replies for an older text are dropped. */
  generation: number;
  /** The markup last received for each part. */
  received: Array<string | undefined>;
  /** The parts and finality the effect last saw: a growing part's reply asks for its latest text. */
  latest: string[];
  final: boolean;
  /** A request for the growing last part is with the worker; ask again for the latest when it is back. */
  liveBusy: boolean;
  liveAgain: boolean;
  /** When the growing part's markup was last shown. */
  liveShownAt: number;
  /** The growing part (index and text) last asked for, and the one whose markup was last shown. */
  liveAsked: string;
  liveLit: string;
}

export interface HighlightedParts {
  /** Markup for the leading `shown` parts. */
  html: ReadonlyArray<string | undefined> | null;
  shown: number;
  /** Markup for the start of part `shown` (the growing last part) and how many characters it covers. */
  head: { html: string; chars: number } | null;
  /** Every part is lit. */
  done: boolean;
  unknown: boolean;
  /** Where the block's parts register their elements, for swaps that skip React (swapIn). */
  slots: PartSlots;
}

export function useHighlightedParts(key: string, text: string, lang: string, parts: string[], final: boolean): HighlightedParts {
  const cached = final && lang !== '' ? cachedHighlight(key, text, lang) : null;
  const instant = cached && cached.length <= INSTANT_PARTS ? cached : null;
  const [lit, setLit] = useState<Lit>(NOTHING);
  const [slots] = useState<PartSlots>(() => new Map());
  const alive = useRef(true);
  const progress = useRef<Progress>(start(''));
  // The text last rendered, set while rendering: effects (which update `progress`) may run only
  // after the frame is painted, too late for the check below that the text stopped growing.
  const rendered = useRef(text);
  rendered.current = text;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    if (lang === '' || instant) return;
    let p = progress.current;
    if (p.lang !== lang || (p.asked > 0 && parts[p.asked - 1] !== p.askedText)) {
      // Another language, or an edit before what was already sent: start over.
      p = progress.current = start(lang, p.generation + 1);
    }
    p.latest = parts;
    p.final = final;
    if (p.unknown) return;
    const generation = p.generation;
    const current = (): boolean => alive.current && progress.current.generation === generation;
    const swapIn = (from: number, allHtml: string[], allTexts: string[], head: Head | null = null): void => {
      // Parts whose markup is what they already got (a piece re-highlighted from the safe point,
      // the whole block verified) are left alone: the rest is often a single part, committed
      // before the next frame rather than an idle period after it.
      let first = 0;
      let end = allHtml.length;
      if (!head) {
        while (first < end && allHtml[first] === p.received[from + first]) first++;
        while (end > first && allHtml[end - 1] === p.received[from + end - 1]) end--;
        if (first === end) return;
      }
      from += first;
      const html = allHtml.slice(first, end);
      const texts = allTexts.slice(first, end);
      for (let i = 0; i < html.length; i++) p.received[from + i] = html[i];
      const apply = (a: number, b: number): void =>
        setLit((old) => {
          const next = merge(old.lang === lang ? old : { ...NOTHING, lang }, from + a, html.slice(a, b), texts.slice(a, b));
          return head ? { ...next, head } : next;
        });
      if (html.length <= DIRECT_PARTS) {
        // A part or two (a growing block's new or last part, the last one as its fence closes)
        // costs well under a millisecond: committed as the reply arrives, between frames, not an
        // idle period later, so the block is lit by the next paint. The growing part's layout is
        // left to that frame, which lays it out anyway for the text that arrives with it.
        flushSync(() => apply(0, html.length));
        if (!head) layoutNow();
        return;
      }
      // Idle slices put the markup straight into the parts' elements, as many parts as fit: a
      // React commit per slice cost about a millisecond on top of the swap itself. React's state
      // follows in slices of its own, and that commit finds every part already showing its
      // markup, so it changes nothing on screen.
      let shownUpTo = 0;
      inIdleSlices(
        batchedStep(MAX_BATCH, (n) => {
          if (!current()) return false;
          const end = Math.min(html.length, shownUpTo + n);
          for (let i = shownUpTo; i < end; i++) lightPart(slots, from + i, texts[i] ?? '', html[i] ?? '');
          shownUpTo = end;
          return end < html.length;
        }),
      );
      let committed = 0;
      inIdleSlices(
        batchedStep(html.length, (n) => {
          if (!current()) return false;
          const end = Math.min(html.length, committed + n);
          apply(committed, end);
          committed = end;
          return end < html.length;
        }),
      );
    };
    // Shown plain for good, from an idle-time commit like every other change here; no request
    // goes out for it from now on.
    const unknownLanguage = (): void => {
      p.unknown = true;
      inIdleSlices(() => {
        if (current()) setLit({ ...NOTHING, lang, unknown: true });
        return false;
      });
    };
    const lengths = (from: number, to: number): number[] => parts.slice(from, to).map((s) => s.length);

    if (final && p.asked === 0 && p.liveAsked === '') {
      // Never seen growing (mounted settled): the whole block in one pass, cached.
      p.asked = parts.length;
      p.askedText = parts[parts.length - 1] ?? '';
      p.verified = true;
      const hit = cachedHighlight(key, text, lang);
      if (hit) swapIn(0, hit, parts);
      else highlightInBackground(key, text, lang, lengths(0, parts.length), (html) => {
        if (!current()) return;
        if (html) swapIn(0, html, parts);
        else unknownLanguage();
      });
      return;
    }
    // The growing last part: its latest text, one request at a time, from the safe point like
    // the pieces below (the markup of parts before it is left to those).
    const askLive = (): void => {
      const latest = p.latest;
      const last = latest.length - 1;
      const text = latest[last] ?? '';
      const key = `${last}:${text}`;
      if (!current() || p.final || p.unknown || last < 0 || key === p.liveAsked || last - p.safe > MAX_RERUN_PARTS) return;
      if (p.liveBusy) {
        p.liveAgain = true;
        return;
      }
      const from = Math.min(p.safe, last);
      p.liveBusy = true;
      p.liveAsked = key;
      const texts = latest.slice(from);
      highlightPiece(
        texts.join(''),
        lang,
        texts.map((t) => t.length),
        (run) => {
          p.liveBusy = false;
          if (!current()) return;
          if (!run) return unknownLanguage();
          p.liveShownAt = performance.now();
          p.liveLit = key;
          swapIn(last, [run.parts[run.parts.length - 1] ?? ''], [text], { index: last, text: text.slice(0, -1), html: run.head ?? '' });
          if (p.liveAgain) {
            p.liveAgain = false;
            askLive();
          }
        },
        true,
      );
    };
    // Asked for at most every LIVE_EVERY_MS while text keeps arriving, and as soon as a frame
    // has brought no new text: the reply paused or ended, and the block is then lit to its last
    // character before the end changes anything. The check runs after the next frame (a task
    // queued from its callbacks), once that frame has published whatever text it had.
    if (performance.now() - p.liveShownAt >= LIVE_EVERY_MS) askLive();
    else if (!final) {
      const seen = text;
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (rendered.current === seen) askLive();
        }, 0),
      );
    }

    // While growing, the last part may still change; once final, it is done too.
    const complete = final ? parts.length : parts.length - 1;
    if (final && complete === p.asked + 1 && p.liveLit === `${complete - 1}:${parts[complete - 1]}`) {
      // The growing part's markup is already for its final text: nothing left to ask.
      p.asked = complete;
      p.askedText = parts[complete - 1] ?? '';
    }
    if (complete > p.asked && (final || complete - p.safe <= MAX_RERUN_PARTS)) {
      const [from, to] = [p.safe, complete];
      p.asked = to;
      p.askedText = parts[to - 1] ?? '';
      const texts = parts.slice(from, to);
      highlightPiece(texts.join(''), lang, lengths(from, to), (run) => {
        if (!current()) return;
        if (!run) return unknownLanguage();
        // Replies come back in order, so the safe point only moves forward.
        if (run.atRoot) p.safe = Math.max(p.safe, to);
        swapIn(from, run.parts, texts);
      });
    }
    if (final && !p.verified && p.asked === parts.length) {
      p.verified = true;
      highlightInBackground(key, text, lang, lengths(0, parts.length), (html) => {
        if (!current() || !html) return;
        renderStats.highlightVerifications++;
        // Only parts whose markup differs are swapped in (in practice none).
        swapIn(0, html, parts);
      });
    }
  }, [key, text, lang, parts, final, instant]);

  if (instant) return { html: instant, shown: instant.length, head: null, done: true, unknown: false, slots };
  if (lit.lang !== lang || lang === '') return { html: null, shown: 0, head: null, done: false, unknown: false, slots };
  let shown = 0;
  while (shown < parts.length && lit.html[shown] !== undefined && lit.texts[shown] === parts[shown]) shown++;
  const last = parts.length - 1;
  const h = lit.head?.index === last ? lit.head : null;
  // While the block grows its last part shows the markup for its text less the line end, even
  // when markup for all of it is in: the next characters then only extend the plain text after
  // it, and the whole text's markup, once final, is usually that very DOM (part-content.ts).
  if (!final && h && shown === parts.length) shown = last;
  const head = h && shown === last && parts[last]?.startsWith(h.text) ? { html: h.html, chars: h.text.length } : null;
  const done = shown === parts.length || (head !== null && lit.texts[last] === parts[last]);
  return { html: lit.html, shown, head, done, unknown: lit.unknown, slots };
}

function start(lang: string, generation = 0): Progress {
  return {
    lang,
    safe: 0,
    asked: 0,
    askedText: '',
    verified: false,
    unknown: false,
    generation,
    received: [],
    latest: [],
    final: false,
    liveBusy: false,
    liveAgain: false,
    liveShownAt: -Infinity,
    liveAsked: '',
    liveLit: '',
  };
}

function merge(old: Lit, from: number, html: string[], texts: string[]): Lit {
  const nextHtml = old.html.slice();
  const nextTexts = old.texts.slice();
  for (let i = 0; i < html.length; i++) {
    nextHtml[from + i] = html[i];
    nextTexts[from + i] = texts[i];
  }
  return { ...old, html: nextHtml, texts: nextTexts };
}
