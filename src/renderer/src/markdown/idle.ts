import { flushSync } from 'react-dom';
import { renderStats } from './render-stats.ts';

// Work that may wait (highlighting, typesetting math) runs after the frame, never inside it.
// Every job queued during a frame runs in the same idle callback, inside one flushSync: their
// state updates become one React commit right there, between frames, and never linger as pending
// work that the next frame's commit would pick up. Layout effects of that commit call
// `layoutNow`, so the layout of the new markup is paid in the idle period too.
let queue: Array<() => void> = [];

let idleCommits = 0;

/** Whether React is rendering inside an idle-time commit (not a frame's). */
export function inIdleCommit(): boolean {
  return idleCommits > 0;
}

function idleCommit<T>(work: () => T): T {
  idleCommits++;
  try {
    return flushSync(work);
  } finally {
    idleCommits--;
  }
}

function runQueue(): void {
  const jobs = queue;
  queue = [];
  const started = performance.now();
  idleCommit(() => {
    for (const job of jobs) job();
  });
  renderStats.upgradeMs += performance.now() - started;
}

export function onIdle(job: () => void): void {
  queue.push(job);
  if (queue.length > 1) return;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(runQueue, { timeout: 200 });
  else setTimeout(runQueue, 0);
}

/** Lays the page out now; see above. */
export function layoutNow(): void {
  if (typeof document !== 'undefined') void document.documentElement.offsetHeight;
}

// Work cut into steps (swapping highlighted parts in) runs in idle periods, each step its own
// commit and layout, in tasks of at most SLICE_MS. While the idle period has room for another
// slice, the next one is a task of its own right behind (input and frames can run in between);
// otherwise it waits for the next idle period. A step is told what its previous call cost (-1 on
// its first call) and how much of the slice is left, so it can size itself (how many parts to
// swap in) to fit; it returns true while it has more to do, or 'later' when not even its
// smallest piece fits in what is left of the slice.
const SLICE_MS = 2.5;
/** A step offered at least this much has the slice to itself: it should do its smallest piece. */
export const FRESH_SLICE_MS = SLICE_MS - 0.5;
/** Below this much of the slice left, the next step waits for the next idle period. */
const MIN_STEP_MS = 0.5;

export type SlicedStep = (lastMs: number, remainingMs: number) => boolean | 'later';

interface Queued {
  step: SlicedStep;
  lastMs: number;
}

let steps: Queued[] = [];

function runSlice(deadline?: IdleDeadline): void {
  const started = performance.now();
  while (steps.length > 0) {
    const queued = steps[0] as Queued;
    const stepStarted = performance.now();
    const more = idleCommit(() => queued.step(queued.lastMs, SLICE_MS - (stepStarted - started)));
    if (more === 'later') break;
    layoutNow();
    const now = performance.now();
    queued.lastMs = now - stepStarted;
    if (!more) steps.shift();
    if (SLICE_MS - (now - started) < MIN_STEP_MS || (deadline && !deadline.didTimeout && deadline.timeRemaining() <= 0)) break;
  }
  const took = performance.now() - started;
  renderStats.upgradeMs += took;
  renderStats.maxSliceMs = Math.max(renderStats.maxSliceMs, took);
  renderStats.slices++;
  if (steps.length === 0) return;
  if (deadline && !deadline.didTimeout && deadline.timeRemaining() >= SLICE_MS) nextTask(deadline);
  else scheduleSlice();
}

function scheduleSlice(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(runSlice, { timeout: 200 });
  else setTimeout(runSlice, 0);
}

// The next slice as a task right away: setTimeout would clamp nested timers to 4 ms. Slices form
// one chain (a slice is scheduled only when the first step is queued), so one deadline is carried.
let channel: MessageChannel | null = null;
let carried: IdleDeadline | undefined;
function nextTask(deadline: IdleDeadline): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => runSlice(carried);
  }
  carried = deadline;
  channel.port2.postMessage(null);
}

export function inIdleSlices(step: SlicedStep): void {
  steps.push({ step, lastMs: -1 });
  if (steps.length === 1) scheduleSlice();
}

/**
 * A sliced step doing `doSome(n)` for n items at a time: n is what fits in the rest of the slice
 * at what recent batches cost per item (at most `max`, and at most twice the last batch); none
 * ('later') when one would not fit, unless the slice has just begun. `doSome` returns whether
 * items are left.
 */
export function batchedStep(max: number, doSome: (n: number) => boolean): SlicedStep {
  let batch = 1;
  // Cost and items of the batches so far, older ones counting half as much at each batch. One
  // batch alone misleads: performance.now() has a 0.1 ms grain in a page that is not cross-origin
  // isolated, so a part or two costing 0.15 ms reads as 0.1 or 0.2, and a batch sized from that
  // overran the slice by half again.
  let spentMs = 0;
  let items = 0;
  return (lastMs, remainingMs) => {
    if (lastMs >= 0) {
      spentMs = spentMs / 2 + lastMs;
      items = items / 2 + batch;
      // Items differ in cost (markup, on screen or not): aim under what is left.
      const fits = Math.floor((remainingMs * 0.75 * items) / Math.max(spentMs, TIMER_GRAIN_MS));
      if (fits < 1 && remainingMs < FRESH_SLICE_MS) return 'later';
      // A batch grows at most twofold: an estimate is only as good as the batch it came from.
      batch = Math.max(1, Math.min(max, fits, batch * 2));
    }
    return doSome(batch);
  };
}

const TIMER_GRAIN_MS = 0.1;
