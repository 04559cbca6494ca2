// Small JSON files in the data folder (settings, provider list, vaults). Writes go to a temporary
// file renamed over the old one, so a crash never leaves half a file; a missing or damaged file
// reads as absent, so the app still starts and says what is missing.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The parsed file, or undefined when it does not exist or is not JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Every file here is readable by this user only (0600): settings say which providers you use. */
export async function writeJsonFile(path: string, value: unknown, options: { secret?: boolean; pretty?: boolean } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const text = options.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  await writeFile(`${path}.tmp`, text, { mode: 0o600 });
  await rename(`${path}.tmp`, path);
}
