import type { HighlightReply, HighlightRequest } from './highlight.worker.ts';
import { highlightRun } from './highlight-parts.ts';
import type { HighlightRun } from './highlight-parts.ts';
import { onIdle } from './idle.ts';

// Highlighting runs in a worker, so no frame ever waits for highlight.js; the page receives the
// markup already cut into the block's parts (code-parts.ts) and swaps them in during idle time.
// Where no worker can start (tests outside a browser), highlight.js is loaded on the main thread
// and runs in an idle period. Results are cached per block identity (message instance, block id,
// offset of the fence in the block), bounded by entries and by size. Only code whose fence has
// closed is cached, so a growing block cannot fill memory with its prefixes.

const MAX_ENTRIES = 256;
const MAX_CACHED_CHARS = 8_000_000;
const MAX_CODE = 1_000_000;

interface Entry {
  code: string;
  lang: string;
  parts: string[];
  size: number;
}

const cache = new Map<string, Entry>();
let cachedChars = 0;

export function cachedHighlight(key: string, code: string, lang: string): string[] | null {
  let hit = cache.get(key);
  if (!hit || hit.code !== code || hit.lang !== lang) {
    // A block highlighted while it was part of the streaming tail is found again under its new
    // key once promoted. Only final code is ever cached, so equal text means the same block.
    hit = undefined;
    for (const [k, entry] of cache) {
      if (entry.code.length === code.length && entry.code === code && entry.lang === lang) [key, hit] = [k, entry];
    }
    if (!hit) return null;
  }
  // Re-insert so the map's order is least-recently-used first.
  cache.delete(key);
  cache.set(key, hit);
  return hit.parts;
}

function remember(key: string, code: string, lang: string, parts: string[]): void {
  const old = cache.get(key);
  if (old) cachedChars -= old.size;
  cache.delete(key);
  const size = parts.reduce((n, p) => n + p.length, 0);
  cache.set(key, { code, lang, parts, size });
  cachedChars += size;
  while (cache.size > MAX_ENTRIES || (cachedChars > MAX_CACHED_CHARS && cache.size > 1)) {
    const [oldest, entry] = cache.entries().next().value as [string, Entry];
    cache.delete(oldest);
    cachedChars -= entry.size;
  }
}

/**
 * Highlights `code` cut along `lengths` (the plain parts) and calls `done` with markup per part,
 * or null when the language is unknown or the code too large. `done` runs outside any commit.
 */
export function highlightInBackground(key: string, code: string, lang: string, lengths: number[], done: (parts: string[] | null) => void): void {
  highlightPiece(code, lang, lengths, (run) => {
    if (run) remember(key, code, lang, run.parts);
    done(run?.parts ?? null);
  });
}

/**
 * Highlights a piece of a block (not cached: a growing block's pieces are not its final code)
 * and says whether highlight.js ended it at the top level. Null: unknown language, or too large.
 */
export function highlightPiece(code: string, lang: string, lengths: number[], done: (run: HighlightRun | null) => void, head = false): void {
  if (code.length > MAX_CODE) {
    done(null);
    return;
  }
  const job: Job = { code, lang, lengths, head, done };
  const worker = highlighter();
  if (!worker) {
    onMainThread(job);
    return;
  }
  const id = nextId++;
  pending.set(id, job);
  worker.postMessage({ id, code, lang, lengths, head } satisfies HighlightRequest);
}

interface Job {
  code: string;
  lang: string;
  lengths: number[];
  /** Also the last part's markup less its last character (HighlightRun.head). */
  head: boolean;
  done: (run: HighlightRun | null) => void;
}

const pending = new Map<number, Job>();
let nextId = 1;
let worker: Worker | null | undefined;

function highlighter(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker !== 'function') return (worker = null);
  try {
    worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = ({ data }: MessageEvent<HighlightReply>) => {
    const job = pending.get(data.id);
    pending.delete(data.id);
    job?.done(data.run);
  };
  // A worker that cannot load (a policy, a broken build) must not leave blocks pending forever.
  worker.onerror = () => {
    worker?.terminate();
    worker = null;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) onMainThread(job);
  };
  return worker;
}

function onMainThread({ code, lang, lengths, head, done }: Job): void {
  void import('highlight.js/lib/common').then(({ default: api }) => {
    onIdle(() => done(highlightRun(api, code, lang, lengths, head)));
  });
}
