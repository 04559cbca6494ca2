// The import as the app runs it: the whole file is read and checked first, on a worker thread (a
// bad file imports nothing, and the host keeps answering meanwhile), then written in slices of
// about 40 ms (a huge conversation spans several), each its own transaction, with a turn of the event loop between them. So replies keep streaming and the window keeps answering
// during a big import, the full-text index is flushed per slice (one huge transaction made its
// cost grow faster than the file), progress can be reported, and Cancel takes effect between
// slices: whatever this import had written is then removed again.
import type { ImportResult } from '../../../shared/conversations';
import { transaction } from '../database.ts';
import { checkpointAndTruncate } from '../erase.ts';
import { writeSnapshotInSteps, type ConversationSnapshot } from '../snapshot.ts';
import type { Store } from '../store.ts';
import { checkpointOffThread } from './checkpoint-off-thread.ts';
import { parseOffThread, type ParsedImport } from './parse-off-thread.ts';

/**
 * A slice ends after this long (or this many messages): long enough to amortise a commit, short
 * enough that a reply's next write or a click in the window waits only a moment, on any machine.
 */
const SLICE_MS = 40;
const SLICE_ROWS = 5_000;
/**
 * SQLite's page cache during an import, in KiB (its default is 2 MB). Message ids are hashes, so
 * every row lands on a random page of each index: once those indexes outgrow the cache, each row
 * re-reads pages from the WAL and each commit writes more of them, and time grew faster than the
 * file (10k tiny conversations 4 s, 40k 29 s). 64 MB keeps the hot index pages of a very large
 * import in memory; the app's own cache size comes back when the import ends.
 */
const IMPORT_CACHE_KIB = 64 * 1024;
/** Bound parameters per DELETE when an import is undone. */
const UNDO_CHUNK = 500;

export interface ImportProgress {
  /** Conversations written so far, and in the file. */
  done: number;
  total: number;
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled: nothing was imported.');
    this.name = 'ImportCancelled';
  }
}

export async function importInSlices(
  store: Store,
  text: string,
  options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportResult> {
  const cancelled = () => options.signal?.aborted;
  if (cancelled()) throw new ImportCancelled();
  let parsed: ParsedImport;
  try {
    parsed = await parseOffThread(text, options.signal);
  } catch (error) {
    throw cancelled() ? new ImportCancelled() : error;
  }
  const { format, total } = parsed;
  const written: string[] = [];
  let messages = 0;
  // Conversations started so far, and the batch the reader handed over last.
  let started = 0;
  let batch: Array<ConversationSnapshot | undefined> = [];
  let at = 0;
  let readAll = false;
  // The rows still to write of the conversation in progress: a huge one spans several slices.
  let current: Generator<void, boolean> | null = null;
  const cacheSize = (store.db.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;
  store.db.exec(`PRAGMA cache_size = -${IMPORT_CACHE_KIB}`);
  const checkpoints = checkpointOffThread(store.db, store.path);
  try {
    for (;;) {
      if (cancelled()) throw new ImportCancelled();
      if (!current && at >= batch.length && !readAll) {
        batch = await parsed.next();
        at = 0;
        readAll = batch.length === 0;
        // Taking the batch over (deserializing it) was a piece of work of its own: a slice
        // right behind it would hold the thread for both.
        await new Promise((resolve) => setImmediate(resolve));
        if (cancelled()) throw new ImportCancelled();
      }
      if (!current && at >= batch.length) break;
      const sliceEnds = performance.now() + SLICE_MS;
      transaction(store.db, () => {
        for (let rows = 0; (current || at < batch.length) && rows < SLICE_ROWS && (rows === 0 || performance.now() < sliceEnds); rows++) {
          if (!current) {
            const c = batch[at]!;
            batch[at++] = undefined;
            started++;
            current = writeSnapshotInSteps(store.db, c);
            // Known before its rows are, so an undo can find a conversation written only in part.
            if (!current.next().done) written.push(c.id);
            else current = null;
            continue;
          }
          if (current.next().done) current = null;
          else messages++;
        }
      });
      checkpoints.afterSlice();
      options.onProgress?.({ done: current ? started - 1 : started, total });
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    undo(store, written);
    throw cancelled() ? new ImportCancelled() : error;
  } finally {
    parsed.close();
    store.db.exec(`PRAGMA cache_size = ${cacheSize}`);
    await checkpoints.finish();
  }
  return { format, imported: written.length, skipped: total - written.length, messages };
}

/**
 * Removes the conversations an unfinished import wrote (their messages, index rows and files
 * cascade; freed pages are zeroed and the index forgets by secure delete). The WAL still holds the
 * pages as the import wrote them until a checkpoint, so it is emptied now: a cancelled import
 * leaves none of its words in the data folder, just as a delete for good.
 */
function undo(store: Store, ids: string[]): void {
  for (let i = 0; i < ids.length; i += UNDO_CHUNK) {
    const chunk = ids.slice(i, i + UNDO_CHUNK);
    store.db.prepare(`DELETE FROM conversations WHERE id IN (${chunk.map(() => '?').join(',')})`).run(...chunk);
  }
  if (ids.length > 0) checkpointAndTruncate(store.db);
}
