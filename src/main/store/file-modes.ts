// The data folder holds every conversation: only its owner may read it. The folder is 0700 and
// every file written into it 0600, including the database's WAL and SHM, which SQLite creates
// with the permissions of the database file itself.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Creates the folder (0700) or narrows an existing one to 0700. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR);
}

/** Makes sure `path` exists as a 0600 file before SQLite opens it, and narrows it if it was wider. */
export function privateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE));
  chmodSync(path, PRIVATE_FILE);
  for (const side of ['-wal', '-shm']) if (existsSync(path + side)) chmodSync(path + side, PRIVATE_FILE);
}

/**
 * Narrows a data folder written by an older Plume (0755 folder, 0644 files): the folder and its
 * subfolders to 0700, every file to 0600.
 */
export function narrowDataFolder(dir: string): void {
  privateDir(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) narrowDataFolder(path);
    else if (entry.isFile()) chmodSync(path, PRIVATE_FILE);
  }
}
