// One browser-mode host per data folder. Two hosts on one folder would each keep their own idea
// of providers, settings and keys and overwrite each other's; the second one says who holds the
// folder and stops instead. The lock is a file naming the holder's process id (and, once it
// listens, its address — never its token); a lock whose process is gone is taken over.
//
// The file appears with its content already in it (written to a temporary file, then linked or
// renamed into place), so a lock is never empty because a start was cut short. Only on a full disk
// is it created empty — the folder is still taken, Plume starts read-only — and a lock that names
// no process is then never taken over: a second start refuses and says how to clear it.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDiskFull } from '../store/disk-full';

const LOCK_FILE = 'plume.lock';

interface LockInfo {
  pid: number;
  origin?: string;
}

export class DataFolderBusy extends Error {
  override name = 'DataFolderBusy';
  /** `holder` null: the lock names no process (it was taken while the disk was full). */
  constructor(readonly dir: string, readonly holder: LockInfo | null) {
    super(
      (holder
        ? `Plume is already running on the data folder ${dir} (process ${holder.pid}${holder.origin ? `, at ${holder.origin}` : ''}). `
        : `Plume is already running on the data folder ${dir}: its lock names no process (it was taken while the disk was full). `) +
        'Use that window, stop that process first, or set PLUME_DATA_DIR to another folder. ' +
        `If no Plume is running, delete ${join(dir, LOCK_FILE)}.`,
    );
  }
}

export interface DataLock {
  /** Records the address the host listens on, so a second start can point to it. */
  announce(origin: string): void;
  release(): void;
}

/** Takes the folder's lock or throws DataFolderBusy naming the process that holds it. */
export function lockDataFolder(dir: string): DataLock {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      try {
        writeInPlace(path, { pid: process.pid }, 'create');
      } catch (error) {
        // A full disk: the folder is still ours, only without the holder's name (Plume then
        // starts read-only and says so). Anything else is a real failure.
        if (!isDiskFull(error)) throw error;
        closeSync(openSync(path, 'wx', 0o600));
      }
      return heldLock(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    // Gone between the failed create and this read: try again.
    if (holder === 'missing') continue;
    if (holder === 'unnamed') throw new DataFolderBusy(dir, null);
    if (holder.pid !== process.pid && isRunning(holder.pid)) throw new DataFolderBusy(dir, holder);
    // Left behind by a host that was killed: take it over (only one of two racing starts wins the link).
    rmSync(path, { force: true });
  }
  const holder = readHolder(path);
  throw new DataFolderBusy(dir, typeof holder === 'object' ? holder : null);
}

/**
 * Puts `info` at `path` whole or not at all: written beside it first, then linked into place
 * ('create', which fails with EEXIST when a lock is there) or renamed over it ('replace').
 */
function writeInPlace(path: string, info: LockInfo, how: 'create' | 'replace'): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(info), { mode: 0o600 });
    if (how === 'replace') renameSync(temp, path);
    else linkSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

function heldLock(path: string): DataLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    rmSync(path, { force: true });
  };
  process.once('exit', release);
  return {
    announce(origin) {
      if (!held) return;
      try {
        writeInPlace(path, { pid: process.pid, origin }, 'replace');
      } catch (error) {
        // The lock stays as it was (never cut to nothing).
        if (!isDiskFull(error)) throw error;
      }
    },
    release,
  };
}

/** The holder the lock names; 'unnamed' for a lock with no readable holder, 'missing' for none. */
function readHolder(path: string): LockInfo | 'unnamed' | 'missing' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return 'unnamed';
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return 'unnamed';
    return typeof parsed.origin === 'string' ? { pid: parsed.pid, origin: parsed.origin } : { pid: parsed.pid };
  } catch {
    return 'unnamed'; // empty (taken on a full disk) or damaged: whose it is cannot be told
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
