// Owns the conversation database file for the whole life of the app: opens it (refusing a WAL
// that does not belong to it), says plainly why it could not be opened instead of crashing,
// never overwrites a damaged file (it can be opened read-only instead, to read and export what
// is still readable), takes and restores backups, erases everything on request, and closes it
// cleanly. Everything else reaches the database through `keeper.store`, which
// always points at the file currently open.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseStatus } from '../../shared/contract';
import { backupDatabase, listBackups } from '../store/backup';
import { diskIsFull } from '../store/disk-full';
import { eraseEverything } from '../store/erase';
import { quickCheckInBackground, refuseForeignWal } from '../store/health';
import { MigrationError } from '../store/migrate';
import { openStore, type ReadOnlyReason, type Store } from '../store/store';
import { InvalidInput } from './request-validation';

type Failure = Pick<DatabaseStatus, 'state' | 'problem' | 'remedy'>;

/** Why the history is open for reading only: which case (what may still be done), and the banner's words. */
interface ReadOnly {
  kind: ReadOnlyReason;
  reason: string;
}

/** The banner's words when the disk was full at start. */
export const DISK_FULL_READ_ONLY = 'Disk full — Plume opened your history read-only. Free space and restart.';

const RESTORE_OR_FRESH = 'Restore the latest backup, or start with an empty database (the file is kept beside it, renamed, so nothing is lost).';

export class DatabaseKeeper {
  readonly path: string;
  readonly backupDir: string;
  #current: Store | null = null;
  #failure: Failure | null = null;
  #notices: string[] = [];
  #check = 'running';
  /** Why conversations are open for reading only (a damaged file opened on request, or a full disk); null when writable. */
  #readOnly: ReadOnly | null = null;
  /** The check of the file now open, once started; null until the window is up. */
  #checking: Promise<void> | null = null;
  /** A Store that always forwards to the open file; every use fails with a clear sentence when none is open. */
  readonly store: Store;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'plume.db');
    this.backupDir = join(dataDir, 'backups');
    this.store = new Proxy({} as Store, {
      get: (_target, prop) => {
        const store = this.#current;
        if (!store) throw new InvalidInput(`Your conversations are not available: ${this.#failure?.problem ?? 'the database is closed.'} ${this.#failure?.remedy ?? ''}`.trim());
        const value: unknown = Reflect.get(store, prop);
        if (typeof value === 'function') return (value as (...a: unknown[]) => unknown).bind(store);
        // Read-only, a repository's writes fail with the reason the user can act on, not SQLite's.
        return this.#readOnly && prop !== 'db' && typeof value === 'object' && value !== null ? explainingWrites(value, this.#readOnly.reason) : value;
      },
    });
    this.#open();
  }

  get isOpen(): boolean {
    return this.#current !== null;
  }

  status(): DatabaseStatus {
    const failure = this.#failure ?? { state: 'ok', problem: null, remedy: null };
    const backups = listBackups(this.backupDir).map(({ name, reason, takenAt, size }) => ({ name, reason, takenAt, size }));
    return {
      ...failure,
      notices: [...this.#notices],
      check: this.#check,
      ...(this.#readOnly ? { readOnly: this.#readOnly.reason } : {}),
      path: this.path,
      backupDir: this.backupDir,
      backups,
    };
  }


  /** Only after damage: the file as it is, read-only. Nothing in it changes; restore or start fresh later. */
  openReadOnly(): DatabaseStatus {
    if (this.#current) throw new InvalidInput(this.#readOnly ? 'The database is already open read-only.' : 'The database is working; there is no need to open it read-only.');
    if (this.#failure?.state !== 'damaged') throw new InvalidInput('Only a damaged database can be opened read-only.');
    try {
      this.#current = openStore(this.path, { readOnly: 'damaged' });
    } catch (error) {
      throw new InvalidInput(`The damaged database could not be opened even read-only: ${(error as Error).message}. ${RESTORE_OR_FRESH}`);
    }
    this.#readOnly = { kind: 'damaged', reason: READ_ONLY_NOTE };
    this.#check = 'running';
    this.#checking = null;
    void this.checkInBackground();
    return this.status();
  }

  /**
   * Runs SQLite's quick_check on another thread, once per opened file (later calls share it);
   * damage found is reported in `status()`. Started when the window first asks for the status,
   * so reading every page of a big file never competes with the start itself.
   */
  checkInBackground(): Promise<void> {
    const file = this.#current;
    // On a full disk this process holds the file exclusively: a second connection could not read it.
    if (!file || this.#readOnly?.kind === 'disk-full') return Promise.resolve();
    this.#checking ??= quickCheckInBackground(this.path).then((found) => {
      // A restore or fresh start meanwhile opened another file: this answer is about the old one.
      if (this.#current !== file) return;
      this.#check = found === null ? 'ok' : `SQLite found damage in ${this.path}: ${found}. Back up what you can (export), then restore a backup.`;
    });
    return this.#checking;
  }

  backup(reason: string): void {
    if (this.#readOnly) throw new InvalidInput(this.#readOnly.reason);
    if (!this.#current) throw new InvalidInput('There is no open database to back up.');
    backupDatabase(this.#current.db, this.backupDir, reason);
  }

  /** The current file (damaged or not) is kept aside first; then the backup becomes plume.db. */
  restore(name?: string): DatabaseStatus {
    const all = listBackups(this.backupDir);
    const chosen = name ? all.find((b) => b.name === name) : all[0];
    if (!chosen) throw new InvalidInput(name ? `There is no backup named ${name}.` : 'There is no backup to restore yet.');
    const staging = `${this.path}.restoring`;
    copyFileSync(chosen.path, staging);
    if (this.#readOnly?.kind === 'damaged') {
      // The damaged file opened read-only is kept aside like any damaged file, never removed.
      this.#closeCurrent();
      this.#setAside('damaged');
    } else if (this.#current) {
      this.backup('before-restore');
      this.#closeCurrent();
      this.#removeFiles(this.path);
    } else if (existsSync(this.path)) {
      this.#setAside('damaged');
    }
    renameSync(staging, this.path);
    this.#notices = [`Restored the backup taken ${new Date(chosen.takenAt).toISOString().replace('T', ' ').slice(0, 16)} UTC.`];
    this.#open();
    return this.status();
  }

  /** Only after a failure: the file is renamed aside (never deleted) and a new one started. */
  startFresh(): DatabaseStatus {
    if (this.#readOnly?.kind === 'disk-full') throw new InvalidInput(this.#readOnly.reason);
    if (this.#current && !this.#readOnly) throw new InvalidInput('The database is working; there is nothing to start afresh from.');
    this.#closeCurrent();
    const aside = existsSync(this.path) ? this.#setAside('set-aside') : null;
    this.#notices = aside ? [`The previous database was kept as ${aside}.`] : [];
    this.#open();
    return this.status();
  }

  /** Every conversation and every backup. */
  eraseAll(): void {
    if (this.#readOnly) {
      // A damaged file cannot be erased row by row: it goes whole, and an empty one takes its place.
      this.#closeCurrent();
      this.#removeFiles(this.path);
      this.#open();
    } else if (this.#current) eraseEverything(this.#current.db);
    for (const b of listBackups(this.backupDir)) rmSync(b.path, { force: true });
  }

  close(): void {
    this.#closeCurrent();
  }

  #open(): void {
    this.#failure = null;
    this.#readOnly = null;
    this.#check = 'running';
    this.#checking = null;
    try {
      const refused = refuseForeignWal(this.path);
      if (refused) this.#notices.push(`A leftover journal (plume.db-wal) did not match the database and was not replayed; it was kept as ${refused}.`);
      this.#current = openStore(this.path, { backupDir: this.backupDir });
    } catch (error) {
      this.#current = null;
      if (this.#openReadOnlyOnFullDisk()) return;
      this.#failure = describeFailure(error, this.path);
    }
  }

  /** A disk too full to open the file normally: the history can still be read. */
  #openReadOnlyOnFullDisk(): boolean {
    if (!existsSync(this.path) || !diskIsFull(dirname(this.path))) return false;
    try {
      this.#current = openStore(this.path, { readOnly: 'disk-full' });
    } catch {
      return false;
    }
    this.#readOnly = { kind: 'disk-full', reason: DISK_FULL_READ_ONLY };
    // Not checked: the file is held exclusively, and the check's own connection could not read it.
    this.#check = 'ok';
    return true;
  }

  #closeCurrent(): void {
    const store = this.#current;
    this.#current = null;
    store?.close();
  }

  /** Renames plume.db (and its WAL/SHM) to plume.db.<label>-<time>; returns the new name. */
  #setAside(label: string): string {
    const aside = `${this.path}.${label}-${new Date().toISOString().replace(/[-:.]/g, '')}`;
    renameSync(this.path, aside);
    for (const side of ['-wal', '-shm']) if (existsSync(this.path + side)) renameSync(this.path + side, aside + side);
    return aside;
  }

  #removeFiles(path: string): void {
    for (const side of ['', '-wal', '-shm']) rmSync(path + side, { force: true });
  }
}

const READ_ONLY_NOTE = 'Plume opened your damaged conversation database read-only, so nothing can be changed or saved. Restore a backup or start with an empty database in Settings → Your data.';

/** `target`'s methods, with SQLite's "readonly database" refusal replaced by `reason`. */
function explainingWrites<T extends object>(target: T, reason: string): T {
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        } catch (error) {
          const code = (error as { errcode?: unknown }).errcode;
          if (typeof code === 'number' && (code & 0xff) === SQLITE.READONLY) throw new InvalidInput(reason);
          throw error;
        }
      };
    },
  });
}

/** SQLite's result codes (node:sqlite puts them on `errcode`). */
const SQLITE = { PERM: 3, READONLY: 8, CORRUPT: 11, CANTOPEN: 14, NOTADB: 26 } as const;

export function describeFailure(error: unknown, path: string): Failure {
  if (error instanceof MigrationError) {
    if (error.failedVersion === error.fromVersion && /newer Plume/.test(error.message)) {
      return { state: 'newer', problem: error.message, remedy: `Open it with the newer Plume that wrote it, or restore an older backup, or start with an empty database (${path} is kept, renamed).` };
    }
    return { state: 'failed', problem: error.message, remedy: 'Restore the backup taken before the upgrade, or start with an empty database (the file is kept, renamed).' };
  }
  const e = error as NodeJS.ErrnoException & { errcode?: number };
  const primary = typeof e.errcode === 'number' ? e.errcode & 0xff : undefined;
  if (e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS' || primary === SQLITE.READONLY || primary === SQLITE.PERM || primary === SQLITE.CANTOPEN) {
    return { state: 'unwritable', problem: `Plume cannot write to ${path} (${e.message}).`, remedy: 'Make the file and its folder writable by your user (or free the disk), then start Plume again.' };
  }
  if (primary === SQLITE.CORRUPT || primary === SQLITE.NOTADB || /malformed|not a database/i.test(e.message ?? '')) {
    return { state: 'damaged', problem: `The conversation database ${path} is damaged (${e.message}). Plume did not change it.`, remedy: RESTORE_OR_FRESH };
  }
  return { state: 'failed', problem: `The conversation database ${path} could not be opened: ${e.message ?? String(error)}`, remedy: RESTORE_OR_FRESH };
}
