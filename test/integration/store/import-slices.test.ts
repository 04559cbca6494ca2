// Big and hostile imports as the app runs them (importInSlices): written in slices with the event
// loop free in between, progress reported, Cancel leaving nothing behind, deep chains intact.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/main/store/import/index.ts';
import { ImportCancelled, importInSlices, type ImportProgress } from '../../../src/main/store/import/sliced.ts';
import type { Store } from '../../../src/main/store/store.ts';
import { deepChainChatGpt, deepChainPlume, manyTinyChatGpt } from '../../support/store/hostile-files.ts';
import { filesContaining } from '../../support/store/logical-dump.ts';
import { useTempStore } from '../../support/store/temp-store.ts';

const ctx = useTempStore();
let store: Store;
beforeEach(() => {
  store = ctx.store;
});
const counts = () => store.db.prepare('SELECT (SELECT count(*) FROM conversations) c, (SELECT count(*) FROM messages) m').get() as { c: number; m: number };

describe('imports in slices', () => {
  it('leaves the imported conversations in the database file itself, and SQLite checkpointing as before', { timeout: 120_000 }, async () => {
    const autocheckpoint = () => (store.db.prepare('PRAGMA wal_autocheckpoint').get() as { wal_autocheckpoint: number }).wal_autocheckpoint;
    const before = autocheckpoint();
    await importInSlices(store, manyTinyChatGpt(3_000));
    expect(autocheckpoint()).toBe(before);
    // A copy of plume.db alone (without its journal) already holds every imported conversation:
    // the journal was copied into the file while the import ran and once more at its end.
    const dir = mkdtempSync(join(tmpdir(), 'plume-copy-'));
    copyFileSync(store.path, join(dir, 'plume.db'));
    const copy = new DatabaseSync(join(dir, 'plume.db'), { readOnly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM conversations').get()).toEqual({ n: 3_000 });
    } finally {
      copy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports 5,000 tiny conversations with progress, and timers run while it writes', { timeout: 120_000 }, async () => {
    const progress: ImportProgress[] = [];
    const cacheSize = () => (store.db.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;
    const appCache = cacheSize();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const result = await importInSlices(store, manyTinyChatGpt(5_000), { onProgress: (p) => progress.push(p) });
      expect(result).toEqual({ format: 'chatgpt', imported: 5_000, skipped: 0, messages: 10_000 });
    } finally {
      clearInterval(timer);
    }
    expect(counts()).toEqual({ c: 5_000, m: 10_000 });
    // Several slices, each further than the last, ending at the total.
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: 5_000, total: 5_000 });
    // The event loop turned between slices: other work (a reply, a click) got its turn.
    expect(ticks).toBeGreaterThanOrEqual(progress.length - 1);
    expect(store.search('Question 4321').length).toBeGreaterThan(0);
    // The import's bigger page cache is given back.
    expect(cacheSize()).toBe(appCache);
  });

  it('Cancel part-way removes everything this import wrote and keeps what was there before', { timeout: 120_000 }, async () => {
    await importInSlices(store, manyTinyChatGpt(3));
    const before = counts();
    const controller = new AbortController();
    const run = importInSlices(store, manyTinyChatGpt(5_000).replace(/tiny-/g, 'other-'), {
      signal: controller.signal,
      onProgress: (p) => p.done > 1_000 && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(counts()).toEqual(before);
    expect(store.search('Question 2000')).toHaveLength(0);
  });

  it('Cancel part-way leaves no byte of the imported words in the data folder, even before a restart', { timeout: 120_000 }, async () => {
    const controller = new AbortController();
    const run = importInSlices(store, manyTinyChatGpt(3_000).replace(/Question/g, 'Xylofrobnicate').replace(/Tiny/g, 'Glimmerquux'), {
      signal: controller.signal,
      onProgress: (p) => p.done > 500 && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    for (const word of ['Xylofrobnicate', 'Glimmerquux']) expect(filesContaining(ctx.current.dir.dir, Buffer.from(word))).toEqual([]);
    store.close();
    for (const word of ['Xylofrobnicate', 'Glimmerquux']) expect(filesContaining(ctx.current.dir.dir, Buffer.from(word))).toEqual([]);
  });

  it('reads and checks the file on another thread: other calls are answered before the first row is written', { timeout: 120_000 }, async () => {
    let answeredWhileReading = 0;
    let writing = false;
    // Stands for the window's other calls (the sidebar list) arriving during the import.
    const timer = setInterval(() => {
      if (writing) return;
      expect(store.conversations.list({ limit: 5 }).items).toEqual([]);
      answeredWhileReading++;
    }, 0);
    try {
      const result = await importInSlices(store, manyTinyChatGpt(10_000), { onProgress: () => (writing = true) });
      expect(result).toEqual({ format: 'chatgpt', imported: 10_000, skipped: 0, messages: 20_000 });
    } finally {
      clearInterval(timer);
    }
    // Read on this thread, the whole file would be parsed and the first slice written in one go.
    expect(answeredWhileReading).toBeGreaterThan(0);
    expect(counts()).toEqual({ c: 10_000, m: 20_000 });
  });

  it('a file with a wrong-typed field fails with the place named, read on the other thread, and writes nothing', async () => {
    const doc = JSON.parse(manyTinyChatGpt(3)) as Array<{ mapping: { a: { message: { author: { role: unknown } } } } }>;
    doc[2]!.mapping.a.message.author.role = 42;
    const run = importInSlices(store, JSON.stringify(doc));
    await expect(run).rejects.toBeInstanceOf(ImportError);
    await expect(run).rejects.toThrow(/^conversations\[2\]\.mapping\.a\.message\.author\.role should be a string but is a number/);
    expect(counts()).toEqual({ c: 0, m: 0 });
  });

  it('Cancel while the file is still being read stops the reading and writes nothing', async () => {
    const controller = new AbortController();
    const run = importInSlices(store, manyTinyChatGpt(10_000), { signal: controller.signal });
    setImmediate(() => controller.abort());
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(counts()).toEqual({ c: 0, m: 0 });
  });

  it.each([
    ['ChatGPT', deepChainChatGpt],
    ['Plume', deepChainPlume],
  ])('keeps a 20,000-message %s chain whole, in order', { timeout: 180_000 }, async (_name, make) => {
    const result = await importInSlices(store, make(20_000));
    expect(result.messages).toBe(20_000);
    const id = store.conversations.list({ limit: 1 }).items[0]!.id;
    const path = store.messages.activePath(id);
    expect(path).toHaveLength(20_000);
    expect(path.at(-1)?.text).toMatch(/Step (20000|19999)$/);
  });
});
