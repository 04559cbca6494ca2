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
