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
  try {
    configure(db);
  } catch (error) {
    // Closed at once: a connection left open here would keep its locks on the file.
    db.close();
    throw error;
  }
  return db;
}

function configure(db: Db): void {
  // WAL lets the renderer-facing reads proceed while a reply checkpoints, and a killed process
  // loses at most the uncommitted transaction. NORMAL is durable against process crashes
  // (only an OS crash can drop the last commits), which is the failure we design for.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // Deleted text must not survive in freed pages or cells: they are overwritten with zeros.
  db.exec('PRAGMA secure_delete = ON');
}

/**
 * The same file for reading only, for a disk too full to write on. A normal open fails there:
 * WAL mode keeps its index in a `-shm` file that must be allocated first. In exclusive locking
 * mode SQLite keeps that index in memory instead (this process already owns the data folder), and
 * `query_only` refuses every write with SQLITE_READONLY rather than trying one.
 */
export function openDatabaseOnFullDisk(path: string): Db {
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('PRAGMA query_only = 1');
    // Reading the schema here, while still in this function, makes a file that cannot even be read fail now.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
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
