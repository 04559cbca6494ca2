// Opening the SQLite file with the settings every part of the store relies on.
import { DatabaseSync } from 'node:sqlite';

export type Db = DatabaseSync;

/**
 * A damaged file can still be read: opened read-only, SQLite changes nothing in it (it may add
 * the -wal/-shm companions a WAL file needs to be read) and refuses every write.
 */
export function openDatabaseReadOnly(path: string): Db {
  const db = new DatabaseSync(path, { readOnly: true });
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

export function openDatabase(path: string): Db {
  const db = new DatabaseSync(path);
  // WAL lets the renderer-facing reads proceed while a reply checkpoints, and a killed process
  // loses at most the uncommitted transaction. NORMAL is durable against process crashes
  // (only an OS crash can drop the last commits), which is the failure we design for.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // Deleted text must not survive in freed pages or cells: they are overwritten with zeros.
  db.exec('PRAGMA secure_delete = ON');
  return db;
}

/**
 * Runs `fn` inside one transaction. Nested calls join the outer transaction, so a repository
 * method can be transactional on its own and still be part of a bigger import.
 */
export function transaction<T>(db: Db, fn: () => T): T {
  if (db.isTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    // SQLite has already rolled back by itself after some errors (disk full, I/O): a second
    // ROLLBACK would throw "no transaction is active" and hide the real cause.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
