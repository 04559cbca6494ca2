// Where a worker thread's code is: beside this module when running from source, and an entry of
// its own in the built host (electron.vite.config.ts names each), which may sit one folder up
// from the chunk this code was bundled into.
import { existsSync } from 'node:fs';

/** `source` is the worker's file name here (e.g. parse-worker.ts), `built` its entry's (import-parser.js). */
export function workerFile(source: string, built: string): URL | null {
  const candidates = import.meta.url.endsWith('.ts') ? [`./${source}`] : [`./${built}`, `../${built}`];
  for (const candidate of candidates) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}
