// Reads what an export handler produced in browser mode: the file main wrote and shelved for the
// page's download (taken off the shelf, as the host's GET /download/<id> does).
import { readFileSync, rmSync } from 'node:fs';
import type { ExportResult } from '../../src/shared/contract';
import { DOWNLOAD_PATH_PREFIX } from '../../src/main/services/download-shelf';
import type { PlumeService } from '../../src/main/services/plume-service';

export function takeExport(service: PlumeService, result: ExportResult): { filename: string; content: string; bytes: Buffer } {
  if (!('download' in result)) throw new Error(`expected a download, got ${JSON.stringify(result)}`);
  const file = service.downloads.take(result.download.url.slice(DOWNLOAD_PATH_PREFIX.length));
  if (!file) throw new Error('the export is not on the shelf');
  try {
    const bytes = readFileSync(file.path);
    return { filename: file.filename, content: bytes.toString('utf8'), bytes };
  } finally {
    rmSync(file.folder, { recursive: true, force: true });
  }
}
