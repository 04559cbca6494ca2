// Telling "the disk (or this process's file-size limit) is full" apart from other write failures,
// so the user reads "disk full" and not SQLite's or the kernel's wording.

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
