import { flushSync } from 'react-dom';
import { renderStats } from './render-stats.ts';

// Work that may wait (highlighting, typesetting math) runs after the frame, never inside it.
// Every job queued during a frame runs in the same idle callback, inside one flushSync: their
// state updates become one React commit right there, between frames, and never linger as pending
// work that the next frame's commit would pick up. Layout effects of that commit call
// `layoutNow`, so the layout of the new markup is paid in the idle period too.
let queue: Array<() => void> = [];

function runQueue(): void {
  const jobs = queue;
  queue = [];
  const started = performance.now();
  flushSync(() => {
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

// Work cut into steps (swapping highlighted parts in) runs a step at a time in idle periods, each
// step its own commit and layout, until SLICE_MS of the period is used; the rest waits for the
// next idle period. A step returns true while it has more to do.
const SLICE_MS = 4;
let steps: Array<() => boolean> = [];

function runSlice(deadline?: IdleDeadline): void {
  const started = performance.now();
  while (steps.length > 0) {
    const step = steps[0] as () => boolean;
    const stepStarted = performance.now();
    let more = false;
    flushSync(() => {
      more = step();
    });
    layoutNow();
    if (!more) steps.shift();
    const now = performance.now();
    // Expect the next step to cost what this one did: stop before it would overrun the slice.
    if (now - started + (now - stepStarted) > SLICE_MS || (deadline && deadline.timeRemaining() <= 0)) break;
  }
  const took = performance.now() - started;
  renderStats.upgradeMs += took;
  renderStats.maxSliceMs = Math.max(renderStats.maxSliceMs, took);
  renderStats.slices++;
  if (steps.length > 0) scheduleSlice();
}

function scheduleSlice(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(runSlice, { timeout: 200 });
  else setTimeout(runSlice, 0);
}

export function inIdleSlices(step: () => boolean): void {
  steps.push(step);
  if (steps.length === 1) scheduleSlice();
}
