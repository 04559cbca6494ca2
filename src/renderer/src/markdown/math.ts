import { useEffect, useLayoutEffect, useState } from 'react';
import type { PluggableList } from 'unified';
import { KATEX_OPTIONS } from '../../../shared/markdown/grammar.ts';
import { layoutNow, onIdle } from './idle.ts';

// KaTeX is large and typesetting is slow; it is fetched the first time a settled block contains
// math, and each such block switches to it in an idle period after the frame that settled it,
// so a promotion never pays for typesetting. Streaming tails never use it. The block a reply
// ends on is typeset in the commit that settles it, if KaTeX is in: nothing is left for later.

const NONE: PluggableList = [];
let plugins: PluggableList | null = null;
let requested = false;
const listeners = new Set<() => void>();

function request(): void {
  if (requested) return;
  requested = true;
  void import('rehype-katex').then((m) => {
    plugins = [[m.default, KATEX_OPTIONS]];
    for (const listener of listeners) listener();
  });
}

/** Whether a block's text may hold math (only then is it given remark-math's output to typeset). */
export function mayHoldMath(raw: string): boolean {
  return raw.includes('$');
}

/**
 * KaTeX's plugins for a settled block that needs them: from an idle period after the block
 * settled, or at once with `now` (the block the reply ends on: the last change a reader waits
 * for) when KaTeX is already loaded.
 */
export function useMathPlugins(needed: boolean, now = false): PluggableList {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!needed) return;
    let live = true;
    void mathReady().then(() =>
      onIdle(() => {
        if (live) setReady(true);
      }),
    );
    return () => {
      live = false;
    };
  }, [needed]);
  const typeset = needed && (ready || now) && plugins !== null;
  // Typesetting is applied by an idle-time commit: lay the formulas out there, not in a frame.
  useLayoutEffect(() => {
    if (typeset) layoutNow();
  }, [typeset]);
  return typeset && plugins ? plugins : NONE;
}

/** For tests and the benchmark: resolves once KaTeX is available. */
export function mathReady(): Promise<void> {
  request();
  if (plugins) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      listeners.delete(done);
      resolve();
    };
    listeners.add(done);
  });
}
