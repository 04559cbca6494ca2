// Coalesces any number of updates into one flush per animation frame. A hidden window paints
// nothing and gets no animation frames, so it flushes on a slow timer instead: the reply keeps
// moving (main coalesces meanwhile) without burning CPU on frames nobody sees.

const HIDDEN_FLUSH_MS = 250;

export function createFrameScheduler(flush: () => void): () => void {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    flush();
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    if (document.visibilityState === 'hidden') setTimeout(run, HIDDEN_FLUSH_MS);
    else requestAnimationFrame(run);
  };
}
