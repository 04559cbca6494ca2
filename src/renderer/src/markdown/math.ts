import { useEffect, useSyncExternalStore } from 'react';
import type { PluggableList } from 'unified';

// KaTeX is large; it is fetched the first time a settled block contains math and then handed to
// exactly the blocks that asked for it. Streaming tails never wait for it.

const NONE: PluggableList = [];
let plugins: PluggableList | null = null;
let requested = false;
const listeners = new Set<() => void>();

function request(): void {
  if (requested) return;
  requested = true;
  void import('rehype-katex').then((m) => {
    // trust:false keeps \href, \url and \html* commands from producing links or attributes.
    plugins = [[m.default, { trust: false, strict: 'ignore', maxSize: 20, maxExpand: 500 }]];
    for (const listener of listeners) listener();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useMathPlugins(needed: boolean): PluggableList {
  const current = useSyncExternalStore(
    subscribe,
    () => (needed ? plugins : null),
    () => (needed ? plugins : null),
  );
  useEffect(() => {
    if (needed) request();
  }, [needed]);
  return current ?? NONE;
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
