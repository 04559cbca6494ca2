// Browser mode's import upload: the file arrives as the raw body of POST /import, is streamed to a
// private temp file (never held whole in a request buffer, so there is no 8 MiB wall), and then
// goes through the same `import:file` handler as the desktop app. The answer has the RPC shape.
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { InvokeResult } from '../../shared/contract';
import { dispatch } from '../services/dispatch';
import type { PlumeService } from '../services/plume-service';

export const IMPORT_UPLOAD_PATH = '/import';
/** The same ceiling as the import handler's (200 MB of text). */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

class TooLarge extends Error {}

export async function handleImportUpload(req: IncomingMessage, res: ServerResponse, url: URL, service: PlumeService): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) return answer(res, 413, tooLarge());
  const dir = await mkdtemp(join(tmpdir(), 'plume-import-'));
  const file = join(dir, 'upload.json');
  try {
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > MAX_UPLOAD_BYTES ? new TooLarge() : null, chunk);
      },
    });
    try {
      // 0600: the conversations are the user's alone, even for the moment they sit in /tmp.
      await pipeline(req, limit, createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      if (error instanceof TooLarge) return answer(res, 413, tooLarge());
      throw error;
    }
    const jobId = url.searchParams.get('job') ?? undefined;
    const result = await dispatch(service.handlers, 'import:file', { text: await readFile(file, 'utf8'), jobId });
    answer(res, 200, result);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function tooLarge(): InvokeResult<never> {
  return { ok: false, error: { kind: 'bad_request', message: 'The file is too large to import (over 200 MB).' } };
}

function answer(res: ServerResponse, status: number, body: InvokeResult<unknown>): void {
  // A refused upload is answered before its body is read: close rather than drain it.
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...(status === 413 ? { Connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}
