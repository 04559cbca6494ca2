// One browser-mode host per data folder. Two hosts on one folder would each keep their own idea
// of providers, settings and keys and overwrite each other's; the second one says who holds the
// folder and stops instead. The lock is a file naming the holder's process id (and, once it
// listens, its address — never its token); a lock whose process is gone is taken over.
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { isDiskFull } from '../store/disk-full';

const LOCK_FILE = 'plume.lock';

interface LockInfo {
  pid: number;
  origin?: string;
}

export class DataFolderBusy extends Error {
  override name = 'DataFolderBusy';
  constructor(readonly dir: string, readonly holder: LockInfo) {
    super(
      `Plume is already running on the data folder ${dir} (process ${holder.pid}${holder.origin ? `, at ${holder.origin}` : ''}). ` +
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
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeFileSync(fd, JSON.stringify({ pid: process.pid } satisfies LockInfo));
      } catch (error) {
        // A full disk: the file exists, so the folder is ours, only without the holder's name
        // (Plume then starts read-only and says so). Anything else is a real failure.
        if (!isDiskFull(error)) throw error;
      } finally {
        closeSync(fd);
      }
      return heldLock(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder && holder.pid !== process.pid && isRunning(holder.pid)) throw new DataFolderBusy(dir, holder);
    // Left behind by a host that was killed: take it over (only one of two racing starts wins the 'wx').
    rmSync(path, { force: true });
  }
  throw new DataFolderBusy(dir, readHolder(path) ?? { pid: 0 });
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
        writeFileSync(path, JSON.stringify({ pid: process.pid, origin } satisfies LockInfo), { mode: 0o600 });
      } catch (error) {
        if (!isDiskFull(error)) throw error;
      }
    },
    release,
  };
}

function readHolder(path: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return undefined;
    return typeof parsed.origin === 'string' ? { pid: parsed.pid, origin: parsed.origin } : { pid: parsed.pid };
  } catch {
    return undefined; // empty (a start cut short between create and write) or damaged: stale
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
