// Browser mode's finished exports, waiting for the page to fetch them. An export is written to a
// private temp folder by main; the page then downloads it from a one-time address whose random
// name is the only key (a plain link cannot carry the token header, and a download should stream
// from disk rather than pass through the page's memory as one string). Fetched once, then gone;
// unclaimed files are deleted after a while and when the host stops.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';

export const DOWNLOAD_PATH_PREFIX = '/download/';
/** Long enough for a slow page to ask; short enough that nothing lingers in /tmp. */
const UNCLAIMED_MS = 10 * 60_000;

export interface ShelvedFile {
  /** The file itself; its folder is removed with it. */
  path: string;
  folder: string;
  filename: string;
  mimeType: string;
}

export class DownloadShelf {
  #files = new Map<string, ShelvedFile & { timer: NodeJS.Timeout }>();

  /** Shelves a file; returns the address the page downloads it from. */
  put(file: ShelvedFile): string {
    const id = randomBytes(24).toString('base64url');
    const timer = setTimeout(() => this.take(id) && rmSync(file.folder, { recursive: true, force: true }), UNCLAIMED_MS);
    timer.unref();
    this.#files.set(id, { ...file, timer });
    return `${DOWNLOAD_PATH_PREFIX}${id}`;
  }

  /** The file for this address, once; the caller removes its folder after sending it. */
  take(id: string): ShelvedFile | null {
    const entry = this.#files.get(id);
    if (!entry) return null;
    this.#files.delete(id);
    clearTimeout(entry.timer);
    const { timer: _, ...file } = entry;
    return file;
  }

  clear(): void {
    for (const id of [...this.#files.keys()]) {
      const file = this.take(id);
      if (file) rmSync(file.folder, { recursive: true, force: true });
    }
  }
}
