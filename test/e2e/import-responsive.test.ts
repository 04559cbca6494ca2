// A big import does not hold the browser-mode host: the file is read and checked on a worker
// thread, so the window's other calls (its progress poll, the sidebar list) are answered while
// that runs, and the import still completes with every conversation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportJobProgress, ImportResult } from '../../src/shared/conversations';
import { manyTinyChatGpt } from '../support/store/hostile-files';
import { type HostProcess, startHostProcess } from './support/host-process';

let host: HostProcess | null = null;
let dir = '';
afterEach(async () => {
  await host?.stop();
  host = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('a big import in browser mode', () => {
  it('other calls are answered while the file is being read, and the import completes', { timeout: 300_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'plume-import-responsive-'));
    host = await startHostProcess(dir);
    const h = host;
    const count = 20_000;
    const upload = fetch(`${h.origin}/import?job=big`, {
      method: 'POST',
      headers: { 'x-plume-token': h.token, origin: h.origin, 'content-type': 'application/json' },
      body: manyTinyChatGpt(count),
    }).then((res) => res.json() as Promise<{ ok: boolean; value: ImportResult }>);

    // The first answer about the running job: read on the host's own thread, the file would be
    // parsed and its first slice written before any call got through, so it would already count
    // conversations; read on a worker, the host answers while nothing is known yet.
    let first: ImportJobProgress | null = null;
    while (!first) first = await h.rpc<ImportJobProgress | null>('import:progress', { jobId: 'big' });
    expect(first).toEqual({ done: 0, total: 0 });
    // The sidebar list in the same moment: answered, and none of the file's conversations yet.
    const listed = await h.rpc<{ items: Array<{ title: string }> }>('conversations:list', { limit: 10 });
    expect(listed.items.filter((c) => c.title.startsWith('Tiny'))).toEqual([]);

    const result = await upload;
    expect(result).toEqual({ ok: true, value: { format: 'chatgpt', imported: count, skipped: 0, messages: 2 * count } });
    const after = await h.rpc<{ items: Array<{ title: string }> }>('conversations:list', { limit: 1 });
    expect(after.items[0]?.title).toMatch(/^Tiny \d+$/);
  });
});
