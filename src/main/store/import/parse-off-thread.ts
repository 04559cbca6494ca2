// Reading and checking an import file off the host's main thread: JSON.parse and the checks of a
// 100 MB file take seconds, during which no other call (the conversation list, a streaming reply,
// the import's own progress and Cancel) would be answered. A worker thread does that work and
// hands the conversations over in batches on request. Where no worker can be started, the same
// work runs here, so an import still works, only without that guarantee.
import { Worker } from 'node:worker_threads';
import type { ImportFormat } from '../../../shared/conversations';
import type { ConversationSnapshot } from '../snapshot.ts';
import { ImportError, parseImport } from './index.ts';
import { workerFile } from './worker-file.ts';

export type ToParser = { type: 'parse'; text: string } | { type: 'more' };
export type FromParser =
  | { type: 'parsed'; format: ImportFormat; total: number }
  | { type: 'failed'; name: string; message: string; where?: string }
  | { type: 'batch'; conversations: ConversationSnapshot[] };

export interface ParsedImport {
  format: ImportFormat;
  total: number;
  /** The next conversations in file order; an empty list once all were handed over. */
  next(): Promise<ConversationSnapshot[]>;
  /** Lets the worker go (after the last batch, or when the import stops early). */
  close(): void;
}

/** Thrown when `signal` stops the reading. */
export class ParseAborted extends Error {}

export async function parseOffThread(text: string, signal?: AbortSignal): Promise<ParsedImport> {
  const file = workerFile('parse-worker.ts', 'import-parser.js');
  if (!file) return parseHere(text);
  let worker: Worker;
  try {
    worker = new Worker(file);
  } catch {
    return parseHere(text);
  }
  // One request in flight at a time: each answer settles the request before it.
  let pending: { resolve(message: FromParser): void; reject(error: Error): void } | null = null;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    pending?.reject(failure);
    pending = null;
  };
  worker.on('message', (message: FromParser) => {
    const waiting = pending;
    pending = null;
    waiting?.resolve(message);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('The import reader stopped unexpectedly.')));
  const onAbort = () => {
    fail(new ParseAborted('The import was cancelled.'));
    void worker.terminate();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const ask = (message: ToParser) =>
    new Promise<FromParser>((resolve, reject) => {
      if (failure) return reject(failure);
      pending = { resolve, reject };
      worker.postMessage(message);
    });
  const close = () => {
    signal?.removeEventListener('abort', onAbort);
    worker.removeAllListeners('exit');
    void worker.terminate();
  };

  let first: FromParser;
  try {
    first = await ask({ type: 'parse', text });
  } catch (error) {
    close();
    // The worker could not load its code (e.g. a packaging without it): read the file here.
    if (!(error instanceof ParseAborted) && !signal?.aborted) return parseHere(text);
    throw error;
  }
  if (first.type === 'failed') {
    close();
    const error = first.name === 'ImportError' ? new ImportError(first.where ?? '', '') : new Error(first.message);
    error.message = first.message;
    throw error;
  }
  if (first.type !== 'parsed') throw new Error('The import reader answered out of turn.');
  return {
    format: first.format,
    total: first.total,
    async next() {
      const answer = await ask({ type: 'more' });
      return answer.type === 'batch' ? answer.conversations : [];
    },
    close,
  };
}

/** The same on this thread: the whole file at once. */
function parseHere(text: string): ParsedImport {
  const { format, conversations } = parseImport(text);
  let handedOver = false;
  return {
    format,
    total: conversations.length,
    next: async () => (handedOver ? [] : ((handedOver = true), conversations)),
    close: () => undefined,
  };
}
