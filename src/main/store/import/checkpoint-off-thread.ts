// During an import the journal (WAL) is copied into the database file by a worker thread, not by
// the host. SQLite checkpoints automatically inside the commit that passes 1,000 journal pages:
// that commit then copies about 4 MB and waits for the disk, and those commits were the longest
// stalls of a big import (up to 0.4 s on a busy machine while a slice was 40 ms). So the import
// turns the automatic checkpoint off and asks the worker for one after each slice (one at a time);
// the host's own setting comes back when the import ends. Where no worker can run, nothing
// changes: SQLite checkpoints as before.
import { Worker } from 'node:worker_threads';
import type { Db } from '../database.ts';
import { workerFile } from './worker-file.ts';

export interface ImportCheckpoints {
  /** After a slice committed: start a checkpoint unless one is running. */
  afterSlice(): void;
  /** Waits for a last checkpoint (the import's tail), lets the worker go, restores the setting. */
  finish(): Promise<void>;
}

const NONE: ImportCheckpoints = { afterSlice: () => undefined, finish: async () => undefined };

export function checkpointOffThread(db: Db, path: string): ImportCheckpoints {
  const file = path === ':memory:' ? null : workerFile('checkpoint-worker.ts', 'wal-checkpointer.js');
  if (!file) return NONE;
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: { path } });
  } catch {
    return NONE;
  }
  const automatic = (db.prepare('PRAGMA wal_autocheckpoint').get() as { wal_autocheckpoint: number }).wal_autocheckpoint;
  const restore = () => {
    if (db.isOpen) db.exec(`PRAGMA wal_autocheckpoint = ${automatic}`);
  };
  db.exec('PRAGMA wal_autocheckpoint = 0');
  let running: Promise<void> | null = null;
  let answered: (() => void) | null = null;
  let broken = false;
  // A worker that fails leaves the checkpoints to SQLite again, at once.
  const stop = () => {
    answered?.();
    if (broken) return;
    broken = true;
    restore();
    void worker.terminate();
  };
  worker.on('error', stop);
  worker.on('exit', stop);
  worker.on('message', () => answered?.());
  const checkpoint = () =>
    new Promise<void>((resolve) => {
      answered = () => {
        answered = null;
        resolve();
      };
      worker.postMessage('checkpoint');
    });
  return {
    afterSlice() {
      if (broken || running) return;
      running = checkpoint().finally(() => {
        running = null;
      });
    },
    async finish() {
      if (broken) return;
      await running;
      if (!broken) await checkpoint();
      if (broken) return;
      broken = true;
      worker.removeAllListeners('exit');
      restore();
      await worker.terminate();
    },
  };
}
