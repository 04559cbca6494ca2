// Is the database file sound? At start only what is cheap (whose WAL is this?); the check of
// every page runs after start in a worker thread, so a big file's check never holds up the window.
import { randomInt } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

/** SQLite's quick_check on another thread; resolves with null when sound, else SQLite's own words (first few problems). */
export function quickCheckInBackground(path: string): Promise<string | null> {
  // An eval'd CommonJS worker needs no file of its own in the bundle.
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { DatabaseSync } = require('node:sqlite');
    let db;
    try {
      db = new DatabaseSync(workerData, { readOnly: true });
      const rows = db.prepare('PRAGMA quick_check(5)').all().map((r) => r.quick_check).filter((r) => r !== 'ok');
      parentPort.postMessage(rows.length ? rows.join('; ') : null);
    } catch (error) {
      parentPort.postMessage(String(error && error.message || error));
    } finally {
      if (db) db.close();
    }`;
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, workerData: path });
    worker.once('message', (result: string | null) => resolve(result));
    worker.once('error', (error) => resolve(error.message));
    worker.unref();
  });
}

/**
 * Gives the file a random identity in its header (application_id, otherwise unused by Plume) the
 * first time it is opened, and checkpoints it into the file itself: a WAL whose copy of page 1
 * carries another identity then belongs to another database.
 */
export function ensureFileIdentity(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA application_id').get() as { application_id: number };
  if (row.application_id !== 0) return;
  db.exec(`PRAGMA application_id = ${randomInt(1, 2 ** 31 - 1)}`);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

/** application_id as written in the file itself, ignoring any WAL; null for a non-SQLite file. */
function idInFile(path: string): number | null {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    closeSync(fd);
  }
  return header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0' ? header.readInt32BE(68) : null;
}

/** application_id as SQLite sees it, through the WAL. */
function idThroughWal(path: string): number | null {
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    return (db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * A WAL left beside the file is normally the last moments before a crash, and SQLite replays it.
 * SQLite cannot tell a WAL that belongs to another database file from its own: it would replay
 * foreign pages into this one. So a leftover WAL is checked first (read-only, the file is not
 * touched): if it carries another file's identity, it is set aside, never replayed. Only the
 * identity is compared here, which reads the header and the WAL's index: whether the pages read
 * soundly is for the check after start (quickCheckInBackground), which would otherwise read a
 * whole big file before the window could open.
 * Returns where the refused WAL was put, or null when there was none or it is this file's own.
 */
export function refuseForeignWal(path: string, now = Date.now()): string | null {
  const wal = `${path}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0 || !existsSync(path)) return null;
  const own = idInFile(path);
  if (own === null || own === 0 || idThroughWal(path) === own) return null;
  const aside = `${wal}.refused-${new Date(now).toISOString().replace(/[-:.]/g, '')}`;
  renameSync(wal, aside);
  rmSync(`${path}-shm`, { force: true });
  return aside;
}
