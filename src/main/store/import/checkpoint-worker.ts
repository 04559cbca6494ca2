// The worker thread that copies the journal (WAL) into the database file during an import (see
// checkpoint-off-thread.ts), on its own connection, so the copying and its fsync never hold the
// host's thread.
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort!;
const db = new DatabaseSync((workerData as { path: string }).path);
// The import's own writes hold the write lock only briefly; a checkpoint may wait for them.
db.exec('PRAGMA busy_timeout = 5000');

port.on('message', () => {
  try {
    // PASSIVE: copies what it can without waiting for readers or blocking the writer.
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    port.postMessage({ ok: true });
  } catch (error) {
    port.postMessage({ ok: false, message: (error as Error).message });
  }
});
