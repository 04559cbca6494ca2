// One file replaced as a whole, never half-written: the new text goes to a temporary file in the
// same folder, is flushed to disk (fsync), and only then renamed over the old one. With
// `keepPrevious`, the file it replaces stays beside it as `<name>.previous`, so a write that
// turns out wrong (or a bug) can be undone by hand.
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of the new file (0o600 for secrets). */
  mode?: number;
  keepPrevious?: boolean;
}

export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  // The data folder and its files are this user's alone (0700 / 0600): they say what you chat about.
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // One temporary name per process and write, so two writers never share one.
  const temporary = `${path}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  const handle = await open(temporary, 'w', options.mode ?? 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  if (options.keepPrevious) {
    await copyFile(path, `${path}.previous`).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes the rename itself durable; not every platform can open a folder, so best effort. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  }
}
