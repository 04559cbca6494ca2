// Work that may wait (highlighting, typesetting math) runs after the frame, never inside it.
// Everything that asked during one frame is released by the same idle callback, so the state
// updates that follow land in one React commit instead of one commit per code block or formula.
let waiting: Array<() => void> = [];

function release(): void {
  const ready = waiting;
  waiting = [];
  for (const resolve of ready) resolve();
}

export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (waiting.length > 1) return;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(release, { timeout: 200 });
    else setTimeout(release, 0);
  });
}
