// Browser mode's export downloads: GET /download/<id> streams a file main has written to a
// private temp folder (services/download-shelf.ts), once, then deletes it. A download started
// from a link cannot carry the token header; the address's random id, known only to the page
// that asked for the export, is the key, and it works once.
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { DOWNLOAD_PATH_PREFIX, type DownloadShelf } from '../services/download-shelf';

export const isDownloadPath = (path: string): boolean => path.startsWith(DOWNLOAD_PATH_PREFIX);

export async function sendDownload(req: IncomingMessage, res: ServerResponse, path: string, shelf: DownloadShelf): Promise<void> {
  // Browsers say where a request comes from; a page of another site never gets the file.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return plain(res, 403, 'Cross-site request refused.');
  const file = shelf.take(path.slice(DOWNLOAD_PATH_PREFIX.length));
  if (!file) return plain(res, 404, 'This export was already downloaded or has expired. Export it again.');
  try {
    const { size } = await stat(file.path);
    res.writeHead(200, {
      'Content-Type': file.mimeType.startsWith('text/') || file.mimeType === 'application/json' ? `${file.mimeType}; charset=utf-8` : file.mimeType,
      'Content-Length': size,
      // The filename is a slug of the title (letters, digits, dashes) and an extension.
      'Content-Disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    await pipeline(createReadStream(file.path), res);
  } finally {
    await rm(file.folder, { recursive: true, force: true });
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}
