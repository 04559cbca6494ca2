// Small JSON files in the data folder (settings, provider list, vaults). Writes are atomic
// (atomic-file.ts), so a crash never leaves half a file; a missing or damaged file reads as
// absent, so the app still starts and says what is missing.
import { readFile } from 'node:fs/promises';
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

/** `secret` files (vaults) are readable by this user only; `keepPrevious` keeps `<name>.previous`. */
export async function writeJsonFile(path: string, value: unknown, options: { secret?: boolean; pretty?: boolean; keepPrevious?: boolean } = {}): Promise<void> {
  const text = options.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  await writeFileAtomic(path, text, { ...(options.secret ? { mode: 0o600 } : {}), keepPrevious: options.keepPrevious === true });
}
