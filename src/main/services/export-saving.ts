// Where a finished export goes. The desktop app asks with the native save dialog and writes
// straight there; browser mode writes to a private temp folder and shelves the file for the
// page to download. Either way the export is written to disk piece by piece (export-to-disk.ts), never
// built in memory as one string.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportResult } from '../../shared/contract';
import type { ExportStream } from '../store/export/index';
import { writeExportFile } from './export-to-disk';
import type { DownloadShelf } from './download-shelf';

export type SaveExport = (file: ExportStream) => Promise<ExportResult>;

/** Desktop: `choosePath` is the save dialog (null when cancelled). */
export function saveWhereChosen(choosePath: (suggestedName: string) => Promise<string | null>): SaveExport {
  return async (file) => {
    const target = await choosePath(file.filename);
    if (!target) return { cancelled: true };
    await writeExportFile(file.chunks, target);
    return { saved: target };
  };
}

/** Browser mode: the file waits on the shelf for the page's download. */
export function saveForDownload(shelf: DownloadShelf): SaveExport {
  return async (file) => {
    // mkdtemp makes the folder 0700, and the file is written 0600.
    const folder = await mkdtemp(join(tmpdir(), 'plume-export-'));
    const path = join(folder, file.filename);
    try {
      await writeExportFile(file.chunks, path);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
    return { download: { url: shelf.put({ path, folder, filename: file.filename, mimeType: file.mimeType }), filename: file.filename } };
  };
}
