// Telling "the disk (or this process's file-size limit) is full" apart from other write failures,
// so the user reads "disk full" and not SQLite's or the kernel's wording.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** SQLITE_FULL, and SQLITE_IOERR_WRITE: a write the OS cut short (EFBIG under `ulimit -f`, ENOSPC). */
const SQLITE_FULL = 13;
const SQLITE_IOERR_WRITE = 778;
const FULL_ERRNO_CODES = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);

export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { errcode, code } = error as { errcode?: unknown; code?: unknown };
  if (errcode === SQLITE_FULL || errcode === SQLITE_IOERR_WRITE) return true;
  return typeof code === 'string' && FULL_ERRNO_CODES.has(code);
}

/**
 * Whether `dir` can take no more data, found by writing a few KB there. SQLite's own error for a
 * full disk at open depends on which file it wanted to grow (the -shm file: a plain "disk I/O
 * error"), so a failed open asks the disk directly.
 */
export function diskIsFull(dir: string): boolean {
  const probe = join(dir, `.plume-space-probe-${process.pid}`);
  let fd: number | null = null;
  try {
    fd = openSync(probe, 'w', 0o600);
    writeSync(fd, Buffer.alloc(8192));
    return false;
  } catch (error) {
    return isDiskFull(error);
  } finally {
    if (fd !== null) closeSync(fd);
    rmSync(probe, { force: true });
  }
}
