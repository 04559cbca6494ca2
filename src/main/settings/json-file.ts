// Small JSON files in the data folder (settings, provider list, vaults). Writes are atomic
// (atomic-file.ts), so a crash never leaves half a file; a missing or damaged file reads as
// absent, so the app still starts and says what is missing.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-file';

/** The parsed file, or undefined when it does not exist or is not JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

export interface CheckedJson {
  /** The parsed file; undefined when it is missing or damaged. */
  value?: unknown;
  /** Set when the file was damaged: the copy its bytes were kept in, before anything overwrites it. */
  keptAs?: string;
}

/**
 * Reads a file the app will write back. One that does not parse, or does not have the expected
 * shape, is first copied aside as `<name>.unreadable-<hash>` (named by content, so restarts do
 * not pile up copies), because the next save would otherwise replace it.
 */
export async function readJsonKeepingDamaged(path: string, valid: (value: unknown) => boolean): Promise<CheckedJson> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (valid(value)) return { value };
  } catch {
    // not JSON: kept aside below
  }
  const keptAs = `${path}.unreadable-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`;
  await copyFile(path, keptAs, constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return { keptAs };
}

/**
 * Every file here is readable by this user only (0600): settings say which providers you use.
 * `keepPrevious` keeps `<name>.previous`.
 */
export async function writeJsonFile(path: string, value: unknown, options: { secret?: boolean; pretty?: boolean; keepPrevious?: boolean } = {}): Promise<void> {
  const text = options.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  await writeFileAtomic(path, text, { mode: 0o600, keepPrevious: options.keepPrevious === true });
}
