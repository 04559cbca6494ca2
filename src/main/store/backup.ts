// Consistent copies of the database, taken before every schema upgrade and every import, and on
// request. `VACUUM INTO` is SQLite's own online copy: it reads the live database inside one read
// transaction (so the copy is consistent even with the WAL in use) and writes a compact file
// with no free pages, so a backup never carries text that was already erased. It is synchronous,
// which lets the upgrade path take it right before migrating, in the same open.
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './database.ts';
import { privateDir, PRIVATE_FILE } from './file-modes.ts';

/** How many backups are kept; older ones are removed when a new one is taken. */
export const KEEP_BACKUPS = 5;
const NAME = /^plume-(\d{8}T\d{9}Z)-([a-z0-9-]+)\.db$/;

export interface BackupFile {
  name: string;
  path: string;
  /** Why it was taken: 'manual', 'before-import', 'before-upgrade-v4'… */
  reason: string;
  takenAt: number;
  size: number;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): number {
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  return Date.parse(iso);
}

/** Takes a backup of the open database into `dir`, then keeps only the newest KEEP_BACKUPS. */
export function backupDatabase(db: Db, dir: string, reason: string, now = Date.now()): BackupFile {
  privateDir(dir);
  let at = now;
  let name = `plume-${stamp(at)}-${reason}.db`;
  // Two backups in one millisecond (an import right after "Back up now") get distinct names.
  while (listBackups(dir).some((b) => b.name === name)) name = `plume-${stamp(++at)}-${reason}.db`;
  const path = join(dir, name);
  db.prepare('VACUUM INTO ?').run(path);
  chmodSync(path, PRIVATE_FILE);
  pruneBackups(dir, KEEP_BACKUPS);
  return { name, path, reason, takenAt: at, size: statSync(path).size };
}

/** Newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const path = join(dir, name);
      return [{ name, path, reason: m[2] as string, takenAt: parseStamp(m[1] as string), size: statSync(path).size }];
    })
    .sort((a, b) => b.takenAt - a.takenAt || b.name.localeCompare(a.name));
}

function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) rmSync(old.path, { force: true });
}
