import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { ReactElement } from 'react';
import { renderStats } from '../../../src/renderer/src/markdown/render-stats.ts';
import { takeVerifiedChars } from '../../../src/renderer/src/markdown/split/verify.ts';
import type { Mode } from './App.tsx';
import { FrameStore } from './store.ts';
import { settled } from './settle.ts';

export interface RunConfig {
  fixture: string;
  mode: Mode;
  /** Tokens per second, or 'bursty' for ~85-character deltas at irregular gaps. */
  rate: number | 'bursty';
  /** Stop feeding after this long (keeps slow rates short); the answer then ends there. */
  capMs?: number;
  /** Also return the slowest frames' details. */
  debug?: boolean;
  /**
   * Publish exactly one animation frame's worth of tokens per frame (rate / 60), whatever each
   * frame costs, instead of following the wall clock. Both renderers then render the same
   * sequence of texts, so their CPU can be compared update for update.
   */
  lockstep?: boolean;
  /** Also check every frame for raw markdown syntax outside code (costs CPU: not for timed runs). */
  inspect?: boolean;
}

interface FrameSample {
  script: number;
  layout: number;
  /** Commits made by this frame's publish (the store's own commits). */
  commits: number;
  blockRenders: number;
  /** Of those, blocks that had rendered in an earlier commit (the tail, a block as it settles). */
  blockReRenders: number;
  parsed: number;
  tail: number;
}

/** Replays `deltas` on a wall-clock schedule through a one-commit-per-frame store and measures. */
export async function replay(
  el: HTMLElement,
  deltas: string[],
  config: RunConfig,
  make: (store: FrameStore) => ReactElement,
): Promise<Record<string, number>> {
  // One per frame that streams: the publish that ends the reply is timed apart, as finalMs.
  const samples: FrameSample[] = [];
  let finalMs = 0;
  const latencies: number[] = [];
  const final = new FinalPaint(el);
  // Whether the renderer changes the DOM inside the frame's publish (timed below) or only in a
  // later task (one that re-renders from a state update its effect makes): a frame figure times
  // the publish, so the peer comparison reads frame figures only of renderers that render in it.
  let publishesWithChanges = 0;
  const changes = new MutationObserver(() => undefined);
  changes.observe(el, { subtree: true, childList: true, characterData: true });
  // Which blocks render in each frame's commit, to tell blocks rendered again from blocks new in it.
  const seenBlocks = new Set<string>();
  let renderedKeys: string[] = [];
  const outerHook = renderStats.onBlockRender;
  renderStats.onBlockRender = (key) => renderedKeys.push(key);
  const store = new FrameStore((emit, flush) => {
    const c0 = window.__commits;
    const b0 = renderStats.blockRenders;
    const p0 = renderStats.parsedChars;
    for (const key of renderedKeys) seenBlocks.add(key);
    renderedKeys = [];
    const t0 = performance.now();
    flushSync(emit);
    const t1 = performance.now();
    if (changes.takeRecords().length > 0 && !flush.ends) publishesWithChanges++;
    const blockReRenders = renderedKeys.filter((key) => seenBlocks.has(key)).length;
    // Style and layout would run right after this callback anyway; forcing them here times them.
    void document.documentElement.offsetHeight;
    const t2 = performance.now();
    // Follow the reply as the app does while the reader is at the bottom, so the growing end is
    // on screen and gets painted (outside the frame figure, inside the CPU figures).
    document.scrollingElement?.scrollTo(0, document.scrollingElement.scrollHeight);
    const parsed = renderStats.parsedChars - p0 + takeVerifiedChars();
    if (config.inspect) rawFrames.push(rawSyntax(el));
    // The publish that ends the reply settles it too: timed as the final render, as it was when
    // the end came on its own, so the frame figures stay those of the frames that stream.
    if (flush.ends) finalMs = t1 - t0;
    else samples.push({ script: t1 - t0, layout: t2 - t1, commits: window.__commits - c0, blockRenders: renderStats.blockRenders - b0, blockReRenders, parsed, tail: renderStats.tailChars });
    // A message posted from the frame is handled after that frame has painted.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const now = performance.now();
      for (const a of flush.arrivals) latencies.push(now - a);
      channel.port1.close();
    };
    channel.port2.postMessage(0);
    final.published();
  });

  const rawFrames: RawSyntax[] = [];
  const longTasks: number[] = [];
  const longFrames: number[] = [];
  const observers = [
    observe('longtask', (d) => longTasks.push(d)),
    observe('long-animation-frame', (d) => longFrames.push(d)),
  ];
  const commitsPerFrame: number[] = [];
  let counting = true;
  let lastCommits = window.__commits;
  const frameStarts: number[] = [];
  const countFrame = (at: number): void => {
    if (!counting) return;
    frameStarts.push(at);
    commitsPerFrame.push(window.__commits - lastCommits);
    lastCommits = window.__commits;
    requestAnimationFrame(countFrame);
  };

  const root = createRoot(el);
  const upgrade0 = renderStats.upgradeMs;
  flushSync(() => root.render(make(store)));
  requestAnimationFrame(countFrame);
  const started = performance.now();
  await feed(store, deltas, config, () => final.arm());
  const streamMs = performance.now() - started;
  await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  counting = false;
  changes.disconnect();
  const upgradeMsStreaming = renderStats.upgradeMs - upgrade0;
  // Already ended with the last delta; a run cut short by capMs ends here (timed by the publish).
  if (store.get().streaming) flushSync(() => store.finish());
  const message = el.firstElementChild as HTMLElement;
  await settled(message, message.textContent?.includes('$') ?? false);
  // Peers highlight and typeset asynchronously too: the reply is final once the DOM stays still.
  const finalPaintMs = await final.quiet();
  // The same span in display frames, which is what the eye gets: 1 when the final DOM is on screen
  // in the frame that brought the last delta. Two renderers whose last change is painted in the
  // same frame show the finished reply at the same moment, whatever a few ms of their figure say.
  const frameMs = pct(frameStarts.slice(1).map((t, i) => t - (frameStarts[i] ?? t)), 50) || 1000 / 60;
  const finalPaintFrames = Math.max(1, Math.ceil(finalPaintMs / frameMs));
  for (const o of observers) o.disconnect();
  renderStats.onBlockRender = outerHook;
  const shows = showsOf(el, rawFrames);
  root.unmount();

  const totals = samples.map((s) => s.script + s.layout);
  return {
    chars: store.get().text.length,
    frames: samples.length,
    streamMs,
    p50: pct(totals, 50),
    p95: pct(totals, 95),
    p99: pct(totals, 99),
    scriptP95: pct(samples.map((s) => s.script), 95),
    layoutP95: pct(samples.map((s) => s.layout), 95),
    longTasks: longTasks.length,
    longestTask: Math.max(0, ...longTasks),
    longAnimationFrames: longFrames.length,
    maxStoreCommitsPerFrame: Math.max(0, ...samples.map((s) => s.commits)),
    // Includes deferred highlight and math upgrades that land in the same frame interval.
    maxCommitsPerFrame: Math.max(0, ...commitsPerFrame),
    maxBlockRendersPerCommit: Math.max(0, ...samples.map((s) => s.blockRenders)),
    maxBlockReRendersPerCommit: Math.max(0, ...samples.map((s) => s.blockReRenders)),
    meanBlockRendersPerCommit: mean(samples.map((s) => s.blockRenders)),
    parsedP95: pct(samples.map((s) => s.parsed), 95),
    parsedOverTailP95: pct(samples.map((s) => s.parsed - s.tail), 95),
    parsedOverTailMax: Math.max(0, ...samples.map((s) => s.parsed - s.tail)),
    latencyP95: pct(latencies, 95),
    finalRenderMs: finalMs,
    // From the arrival of the last delta to the paint after the last change to the DOM.
    finalPaintMs,
    // Share of the frames whose publish changed the DOM (the rest changed it later, or not at all).
    domChangesInFrame: publishesWithChanges / Math.max(1, samples.length),
    finalPaintFrames,
    ...shows,
    // Idle-time highlighting and typesetting while streaming (the naive baseline does none).
    upgradeMs: upgradeMsStreaming,
    frameCpuMs: totals.reduce((a, b) => a + b, 0),
    ...(config.debug ? { all: samples } : {}),
    ...(config.debug ? { worst: [...samples].sort((a, b) => b.script + b.layout - a.script - a.layout).slice(0, 8) } : {}),
  } as unknown as Record<string, number>;
}

async function feed(store: FrameStore, deltas: string[], config: RunConfig, beforeLast: () => void): Promise<void> {
  if (config.lockstep) {
    const perFrame = Math.max(1, Math.round((config.rate === 'bursty' ? 2000 : config.rate) / 60));
    for (let i = 0; i < deltas.length; i += perFrame) {
      const last = i + perFrame >= deltas.length;
      if (last) beforeLast();
      for (const d of deltas.slice(i, i + perFrame)) store.append(d);
      if (last) store.endWithBuffered();
      // The store's frame callback was requested first, so it publishes in this frame.
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
    }
    return;
  }
  const due = schedule(deltas.length, config.rate);
  const cap = config.capMs ?? Infinity;
  const start = performance.now();
  let i = 0;
  return new Promise((resolve) => {
    const pump = (): void => {
      const elapsed = performance.now() - start;
      while (i < deltas.length && (due[i] ?? 0) <= elapsed && elapsed < cap) {
        const last = i === deltas.length - 1 || (due[i + 1] ?? 0) > cap;
        if (last) beforeLast();
        store.append(deltas[i++] ?? '');
        if (last) store.endWithBuffered();
      }
      if (i >= deltas.length || elapsed >= cap) resolve();
      else setTimeout(pump, Math.max(0, (due[i] ?? 0) - elapsed));
    };
    pump();
  });
}

function schedule(n: number, rate: number | 'bursty'): number[] {
  if (rate !== 'bursty') return Array.from({ length: n }, (_, i) => (i * 1000) / rate);
  // Gaps of 2–40 ms, deterministic: a provider that batches and stalls.
  const out: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    out.push(t);
    t += 2 + ((i * 7919) % 39);
  }
  return out;
}

function observe(type: string, push: (duration: number) => void): PerformanceObserver {
  const o = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) push(e.duration);
  });
  try {
    o.observe({ type, buffered: false });
  } catch {
    // Entry type unsupported: the figure is then reported as zero, and the runner says so.
  }
  return o;
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/**
 * Times the paint after the DOM's last change, from the frame that publishes the last delta.
 *
 * The clock starts at that frame, not at the delta's arrival: the wait for the next frame is the
 * store's, the same for every renderer, and in a lockstep run it is shorter the longer the
 * previous frame's render took (the feeder appends after it), which favoured slower renderers by
 * up to a frame. A change made by a publish (inside the frame) is painted by that frame: a message
 * posted then arrives after its paint. A change made later (idle highlighting, typesetting) is
 * painted by the next frame: a message posted from that frame's callback.
 */
class FinalPaint {
  private armed = false;
  private startedAt = -1;
  private lastChange = 0;
  private lastPaint = 0;
  private observer: MutationObserver | null = null;

  constructor(private readonly el: HTMLElement) {}

  /** The last delta is about to arrive: the next publish starts the clock. */
  arm(): void {
    if (this.armed) return;
    this.armed = true;
    this.observer = new MutationObserver(() => {
      if (this.startedAt < 0) return;
      this.lastChange = performance.now();
      requestAnimationFrame(() => this.afterPaint());
    });
    this.observer.observe(this.el, { subtree: true, childList: true, characterData: true, attributes: true });
  }

  /** Called by each publish, inside its animation frame, after the render it made. */
  published(): void {
    if (!this.armed || !this.observer) return;
    if (this.startedAt < 0) this.startedAt = this.lastChange = this.lastPaint = Number(document.timeline.currentTime ?? performance.now());
    // This publish's own changes, taken now so the observer's callback does not time them a frame late.
    if (this.observer.takeRecords().length === 0) return;
    this.lastChange = performance.now();
    this.afterPaint();
  }

  private afterPaint(): void {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      this.lastPaint = Math.max(this.lastPaint, performance.now());
      channel.port1.close();
    };
    channel.port2.postMessage(0);
  }

  /** Waits until the DOM has not changed for QUIET_MS (at most 15 s), then reports. */
  async quiet(): Promise<number> {
    const QUIET_MS = 400;
    const until = performance.now() + 15_000;
    while (performance.now() - this.lastChange < QUIET_MS && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    this.observer?.disconnect();
    return this.lastPaint - this.startedAt;
  }
}

interface RawSyntax {
  bold: boolean;
  fence: boolean;
  table: boolean;
  displayMath: boolean;
}

/** Raw markdown a reader would see outside code blocks and inline code. */
function rawSyntax(root: HTMLElement): RawSyntax {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('pre, code, .katex, .katex-display') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n.nodeValue ?? '') + '\n';
  return {
    bold: text.includes('**'),
    fence: text.includes('```'),
    table: /\|\s*:?-{3,}|^\s*\|[^\n]*\|/m.test(text),
    displayMath: text.includes('$$'),
  };
}

/** What a renderer showed: highlighted code tokens and typeset formulas at the end, raw syntax on the way. */
function showsOf(root: HTMLElement, frames: RawSyntax[]): Record<string, number> {
  const count = (k: keyof RawSyntax): number => frames.filter((f) => f[k]).length;
  return {
    highlightedTokens: root.querySelectorAll('pre [class*="hljs-"], pre span[style*="color"], pre span[style*="--shiki"]').length,
    typesetFormulas: root.querySelectorAll('.katex').length,
    inspectedFrames: frames.length,
    rawBoldFrames: count('bold'),
    rawFenceFrames: count('fence'),
    rawTableFrames: count('table'),
    rawDisplayMathFrames: count('displayMath'),
  };
}
