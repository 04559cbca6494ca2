import '../../../src/renderer/src/markdown/markdown.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { setLinkOpener } from '../../../src/renderer/src/markdown/index.ts';
import { renderStats, resetRenderStats } from '../../../src/renderer/src/markdown/render-stats.ts';
import { takeVerifiedChars } from '../../../src/renderer/src/markdown/split/verify.ts';
import { FIXTURES } from '../fixtures.ts';
import { burstDeltas, tokenDeltas } from '../deltas.ts';
import { Live, Static } from './App.tsx';
import type { Mode } from './App.tsx';
import { FrameStore } from './store.ts';
import { normalizedHtml, settled } from './settle.ts';
import { replay } from './replay.ts';
import type { RunConfig } from './replay.ts';
import { SETTLED_MARK } from '../thread-time.ts';

declare global {
  interface Window {
    __commits: number;
    harness: typeof harness;
  }
}

const host = document.getElementById('root') as HTMLElement;
const opened: string[] = [];
setLinkOpener((url) => opened.push(url));

const frame = (): Promise<void> => new Promise<void>((r) => requestAnimationFrame(() => r()));

function fresh(): HTMLElement {
  host.textContent = '';
  const el = document.createElement('div');
  host.append(el);
  return el;
}

const harness = {
  fixtureNames: Object.keys(FIXTURES),
  fixture: (name: string): string => FIXTURES[name]?.() ?? '',
  openedLinks: opened,

  /** Mounts a settled message and returns its normalized DOM once highlighting and math are done. */
  async renderSettled(text: string, mode: Mode): Promise<string> {
    const el = fresh();
    const root = createRoot(el);
    flushSync(() => root.render(createElement(Static, { text, mode })));
    const message = el.firstElementChild as HTMLElement;
    await settled(message, text.includes('$'));
    const html = normalizedHtml(message);
    root.unmount();
    return html;
  },

  /**
   * Mounts a settled message with one code block and watches it frame by frame until it is
   * highlighted: what it showed at mount, how many parts were highlighted in each frame, and its
   * box before and after (the swap must not move anything).
   */
  async watchHighlight(text: string, mode: Mode = 'memo'): Promise<{ mount: CodeShape; final: CodeShape; highlightedPerFrame: number[]; html: string }> {
    const el = fresh();
    el.className = 'lay-out-all';
    const root = createRoot(el);
    flushSync(() => root.render(createElement(Static, { text, mode })));
    const message = el.firstElementChild as HTMLElement;
    const mount = codeShape(message);
    const highlightedPerFrame: number[] = [];
    for (let i = 0; i < 3000 && message.querySelector('[data-highlight="pending"]'); i++) {
      await frame();
      highlightedPerFrame.push(message.querySelectorAll('.md-code-part:has(span)').length);
    }
    await settled(message, false);
    const final = codeShape(message);
    const html = normalizedHtml(message);
    root.unmount();
    return { mount, final, highlightedPerFrame, html };
  },

  /**
   * What showing a settled message with a big code block costs the main thread: the mount (plain
   * code), then every idle slice that swaps highlighted parts in, until all are in.
   */
  async settleCost(name: string): Promise<Record<string, number>> {
    const text = FIXTURES[name]?.() ?? '';
    resetRenderStats();
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const el = fresh();
    const root = createRoot(el);
    const t0 = performance.now();
    flushSync(() => root.render(createElement(Static, { text, mode: 'memo' })));
    void document.documentElement.offsetHeight;
    const mountMs = performance.now() - t0;
    await settled(el.firstElementChild as HTMLElement, false);
    const settleMs = performance.now() - t0;
    performance.mark(SETTLED_MARK);
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    root.unmount();
    return { mountMs, settleMs, longTasks: longTasks.length, longestTask: Math.max(0, ...longTasks), maxSliceMs: renderStats.maxSliceMs, slices: renderStats.slices };
  },

  /**
   * Streams `text` one delta per commit, records which blocks render in each commit, ends the
   * stream and returns the settled DOM. Used by the render-count and final-DOM tests.
   */
  async streamThenSettle(
    text: string,
    deltas: 'tokens' | 'bursts' = 'tokens',
  ): Promise<{ html: string; commits: string[][]; frames: string[]; elements: ElementSummary[]; shapes: FrameShape[]; tableKept: boolean; atEnd: AtEnd }> {
    const el = fresh();
    const root = createRoot(el);
    const store = new FrameStore((emit) => flushSync(emit));
    const commits: string[][] = [];
    let current: string[] = [];
    renderStats.onBlockRender = (key) => current.push(key);
    flushSync(() => root.render(createElement(Live, { store, mode: 'memo' })));
    const frames: string[] = [];
    const shapes: FrameShape[] = [];
    let arrived = '';
    let firstTable: Element | null = null;
    for (const delta of deltas === 'tokens' ? tokenDeltas(text) : burstDeltas(text)) {
      current = [];
      const parsedBefore = renderStats.parsedChars;
      const rowsBefore = renderStats.rowRenders;
      arrived += delta;
      store.append(delta);
      store.flushNow();
      commits.push(current);
      shapes.push({
        length: arrived.length,
        parsed: renderStats.parsedChars - parsedBefore,
        rowRenders: renderStats.rowRenders - rowsBefore,
        tables: el.querySelectorAll('table').length,
        headerRows: el.querySelectorAll('thead tr').length,
        bodyRows: el.querySelectorAll('tbody tr').length,
        links: el.querySelectorAll('a[href]').length,
      });
      firstTable ??= el.querySelector('tbody tr') ? el.querySelector('table') : null;
      // Visible text per frame, kept only for short texts: the raw-marker test reads it.
      if (text.length <= 5000) frames.push(el.textContent ?? '');
    }
    renderStats.onBlockRender = null;
    const atEnd = endReply(store, el);
    const message = el.firstElementChild as HTMLElement;
    await settled(message, text.includes('$'));
    const html = normalizedHtml(message);
    const elements = summarize(message);
    // The first table shown with rows is still the one in the DOM: it was never mounted again.
    const tableKept = firstTable !== null && firstTable === message.querySelector('table');
    root.unmount();
    return { html, commits, frames, elements, shapes, tableKept, atEnd };
  },

  /**
   * Streams `text` in frames (`perFrame` characters each, one commit per animation frame, idle
   * time between them as in the app) and watches the first code block: how many of its parts were
   * lit in the frame its fence closed, and how many frames later it was all lit.
   */
  async streamCodeInFrames(text: string, perFrame: number): Promise<{ atClose: CodeShape | null; framesToDone: number; html: string }> {
    const el = fresh();
    const root = createRoot(el);
    const store = new FrameStore((emit) => flushSync(emit));
    flushSync(() => root.render(createElement(Live, { store, mode: 'memo' })));
    const message = el.firstElementChild as HTMLElement;
    const status = (): string => (message.querySelector('.md-code') as HTMLElement | null)?.dataset.highlight ?? '';
    // The first frame that holds the line closing the first fence.
    const closedAt = /^```\n/m.exec(text.slice(text.indexOf('```') + 3));
    const closesAt = closedAt ? text.indexOf('```') + 3 + closedAt.index + 4 : Infinity;
    let atClose: CodeShape | null = null;
    let framesToDone = 0;
    let arrived = 0;
    const watch = (): void => {
      if (!atClose && arrived >= closesAt) atClose = codeShape(message);
      if (atClose && status() !== 'done') framesToDone++;
    };
    for (let i = 0; i < text.length; i += perFrame) {
      store.append(text.slice(i, i + perFrame));
      arrived = Math.min(text.length, i + perFrame);
      await frame();
      watch();
    }
    flushSync(() => store.finish());
    for (let i = 0; i < 600 && status() !== 'done'; i++) {
      await frame();
      watch();
    }
    await settled(message, false);
    const html = normalizedHtml(message);
    root.unmount();
    return { atClose, framesToDone, html };
  },

  /**
   * Streams `text` in frames (`perFrame` characters each) up to `pauseAt`, counting the frames
   * whose first code block showed its growing last part coloured; then waits (polling frames)
   * until the block is all lit, streams the rest and ends the reply. Reports the block at the
   * pause, every DOM change in the block from then on and in the message from the end on, both
   * counted once the block's whole-block verification pass has been compared.
   */
  async streamCodeAndEnd(
    text: string,
    perFrame: number,
    pauseAt: number,
  ): Promise<{ grownFrames: number; litLastFrames: number; atPause: CodeShape & { lastPartTokens: number }; blockChanges: number; changesAtEnd: number; sameBlock: boolean; html: string }> {
    const el = fresh();
    const root = createRoot(el);
    const store = new FrameStore((emit) => flushSync(emit));
    flushSync(() => root.render(createElement(Live, { store, mode: 'memo' })));
    const message = el.firstElementChild as HTMLElement;
    const lastPart = (): Element | null => message.querySelector('.md-code .md-code-part:last-child');
    let grownFrames = 0;
    let litLastFrames = 0;
    for (let i = 0; i < pauseAt; i += perFrame) {
      store.append(text.slice(i, Math.min(i + perFrame, pauseAt)));
      await frame();
      if (!lastPart()) continue;
      grownFrames++;
      if (lastPart()?.querySelector('[class^="hljs-"]')) litLastFrames++;
    }
    const view = message.querySelector('.md-code') as HTMLElement;
    for (let i = 0; i < 600 && view.dataset.highlight !== 'done'; i++) await frame();
    const atPause = { ...codeShape(message), lastPartTokens: lastPart()?.querySelectorAll('[class^="hljs-"]').length ?? 0 };
    const verified = renderStats.highlightVerifications;
    const inBlock = new MutationObserver(() => undefined);
    inBlock.observe(view, { subtree: true, childList: true, characterData: true, attributes: true });
    for (let i = pauseAt; i < text.length; i += perFrame) {
      store.append(text.slice(i, i + perFrame));
      await frame();
    }
    const inMessage = new MutationObserver(() => undefined);
    inMessage.observe(message, { subtree: true, childList: true, characterData: true, attributes: true });
    flushSync(() => store.finish());
    for (let i = 0; i < 600 && renderStats.highlightVerifications === verified; i++) await frame();
    await frame();
    const blockChanges = inBlock.takeRecords().length;
    const changesAtEnd = inMessage.takeRecords().length;
    inBlock.disconnect();
    inMessage.disconnect();
    await settled(message, false);
    const sameBlock = message.querySelector('.md-code') === view;
    const html = normalizedHtml(message);
    root.unmount();
    return { grownFrames, litLastFrames, atPause, blockChanges, changesAtEnd, sameBlock, html };
  },

  /**
   * Streams `text` in frames (`perFrame` characters each, idle time between them as in the app),
   * recording what each frame showed of its math; once all has arrived, waits (up to 600 frames)
   * for `ready` formulas to be typeset, as a reader waits for the last tokens, then ends the reply
   * and counts the DOM changes that made.
   */
  async streamMathInFrames(text: string, perFrame: number, ready: number): Promise<{ shapes: MathShape[]; atEnd: AtEnd; html: string }> {
    const el = fresh();
    const root = createRoot(el);
    const store = new FrameStore((emit) => flushSync(emit));
    flushSync(() => root.render(createElement(Live, { store, mode: 'memo' })));
    const message = el.firstElementChild as HTMLElement;
    const shapes: MathShape[] = [];
    const shape = (length: number): MathShape => ({
      length,
      formulas: typesetFormulas(message),
      errors: message.querySelectorAll('.katex-error, [style*="color: rgb(204, 0, 0)"]').length,
      pending: message.querySelectorAll('.math-pending, code.math-inline').length,
    });
    for (let i = 0; i < text.length; i += perFrame) {
      store.append(text.slice(i, i + perFrame));
      await frame();
      shapes.push(shape(Math.min(text.length, i + perFrame)));
    }
    for (let i = 0; i < 600 && typesetFormulas(message) < ready; i++) await frame();
    const atEnd = endReply(store, el);
    await settled(message, true);
    const html = normalizedHtml(message);
    root.unmount();
    return { shapes, atEnd, html };
  },

  /**
   * Streams `text` in frames (`perFrame` characters each, idle time between them) and follows the
   * first formula typeset: the length that had arrived when its element left the page (null if it
   * never did), through the reply's end and whatever idle time does after it; and how many
   * formulas each frame showed typeset.
   */
  async streamKeepingFormula(text: string, perFrame: number): Promise<{ typesetAt: number | null; lostAt: number | null; typesetPerFrame: number[]; html: string }> {
    const el = fresh();
    const root = createRoot(el);
    const store = new FrameStore((emit) => flushSync(emit));
    flushSync(() => root.render(createElement(Live, { store, mode: 'memo' })));
    const message = el.firstElementChild as HTMLElement;
    let formula: Element | null = null;
    let typesetAt: number | null = null;
    let lostAt: number | null = null;
    const typesetPerFrame: number[] = [];
    const watch = (length: number): void => {
      typesetPerFrame.push(typesetFormulas(message));
      if (!formula) {
        formula = message.querySelector('.katex');
        if (formula) typesetAt = length;
      } else if (lostAt === null && !formula.isConnected) lostAt = length;
    };
    for (let i = 0; i < text.length; i += perFrame) {
      store.append(text.slice(i, i + perFrame));
      await frame();
      watch(Math.min(text.length, i + perFrame));
    }
    endReply(store, el);
    await settled(message, true);
    watch(text.length);
    const html = normalizedHtml(message);
    root.unmount();
    return { typesetAt, lostAt, typesetPerFrame, html };
  },

  /**
   * Mounts a settled message, scrolls to its end and reports, for each box directly under the
   * message, whether the browser skips drawing it (off screen) and how many blocks it holds.
   */
  async skippedBoxes(text: string): Promise<Array<{ group: boolean; skipped: boolean; blocks: number }>> {
    const el = fresh();
    const root = createRoot(el);
    flushSync(() => root.render(createElement(Static, { text, mode: 'memo' })));
    const message = el.firstElementChild as HTMLElement;
    await settled(message, text.includes('$'));
    // Groups first drawn take their real height, so the end moves until the last ones are drawn.
    const page = document.scrollingElement as HTMLElement;
    for (let i = 0, end = -1; i < 60 && end !== page.scrollHeight; i++) {
      end = page.scrollHeight;
      page.scrollTo(0, end);
      await frame();
      await frame();
    }
    const boxes = [...message.children].map((box) => ({
      group: box.classList.contains('md-group'),
      // A skipped box's contents are what the browser leaves out, not the box itself.
      skipped: !(box.firstElementChild ?? box).checkVisibility({ contentVisibilityAuto: true }),
      blocks: box.childElementCount,
    }));
    root.unmount();
    return boxes;
  },

  /** Renders untrusted markdown, clicks every link and image placeholder, reports what happened. */
  async attack(text: string): Promise<{ opened: string[]; html: string; elements: ElementSummary[] }> {
    opened.length = 0;
    const el = fresh();
    const root = createRoot(el);
    flushSync(() => root.render(createElement(Static, { text, mode: 'memo' })));
    const message = el.firstElementChild as HTMLElement;
    await settled(message, text.includes('$'));
    for (const a of message.querySelectorAll('a')) a.click();
    for (const b of message.querySelectorAll<HTMLButtonElement>('.md-image-placeholder')) flushSync(() => b.click());
    await frame();
    const html = message.innerHTML;
    const elements = summarize(message);
    root.unmount();
    return { opened: [...opened], html, elements };
  },

  async run(config: RunConfig): Promise<unknown> {
    const text = FIXTURES[config.fixture]?.() ?? '';
    const deltas = config.rate === 'bursty' ? burstDeltas(text) : tokenDeltas(text);
    resetRenderStats();
    takeVerifiedChars();
    const el = fresh();
    const result = await replay(el, deltas, config, (store) => createElement(Live, { store, mode: config.mode }));
    host.textContent = '';
    return result;
  },
};

/** What the first code block in `root` shows, and where its box and its last line are. */
interface CodeShape {
  status: string;
  text: string;
  parts: number;
  highlightedParts: number;
  tokens: number;
  box: [number, number, number, number];
  lastPartBottom: number;
}

function codeShape(root: HTMLElement): CodeShape {
  const view = root.querySelector('.md-code') as HTMLElement;
  const code = view.querySelector('pre code') as HTMLElement;
  const r = view.getBoundingClientRect();
  const parts = code.querySelectorAll('.md-code-part');
  return {
    status: view.dataset.highlight ?? '',
    text: code.textContent ?? '',
    parts: parts.length,
    highlightedParts: code.querySelectorAll('.md-code-part:has(span)').length,
    tokens: code.querySelectorAll('[class^="hljs-"]').length,
    box: [r.x, r.y, r.width, r.height],
    lastPartBottom: parts[parts.length - 1]?.getBoundingClientRect().bottom ?? 0,
  };
}

/** Ends the reply in `el` in one commit and says what that commit did. */
function endReply(store: FrameStore, el: HTMLElement): AtEnd {
  const changes = new MutationObserver(() => undefined);
  changes.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
  const parsedBefore = renderStats.parsedChars;
  flushSync(() => store.finish());
  const atEnd = { mutations: changes.takeRecords().length, formulas: typesetFormulas(el), parsed: renderStats.parsedChars - parsedBefore };
  changes.disconnect();
  return atEnd;
}

/** Formulas drawn by KaTeX in `root`: each has one `.katex-html` (an element with the class alone is not). */
function typesetFormulas(root: HTMLElement): number {
  return root.querySelectorAll('.katex-html').length;
}

/** What the commit that ends the reply did: DOM changes it made, formulas typeset after it. */
interface AtEnd {
  mutations: number;
  formulas: number;
  /** Markdown characters it parsed. */
  parsed: number;
}

/** What one streamed frame showed of its math. */
interface MathShape {
  length: number;
  /** Typeset formulas (inline and display). */
  formulas: number;
  /** Formulas KaTeX could not typeset, shown in its error colour. */
  errors: number;
  /** Formulas showing their TeX. */
  pending: number;
}

/** What one streamed commit showed: enough to check a growing table's shape and parse cost. */
interface FrameShape {
  length: number;
  parsed: number;
  /** Table rows rendered by this commit. */
  rowRenders: number;
  tables: number;
  headerRows: number;
  bodyRows: number;
  links: number;
}

interface ElementSummary {
  tag: string;
  attrs: Array<[string, string]>;
}

/** Every element with its attributes, for the security tests (text that merely looks like HTML is not an element). */
function summarize(root: HTMLElement): ElementSummary[] {
  return [...root.querySelectorAll('*')].map((el) => ({
    tag: el.tagName.toLowerCase(),
    attrs: [...el.attributes].map((a): [string, string] => [a.name, a.value]),
  }));
}

window.harness = harness;
