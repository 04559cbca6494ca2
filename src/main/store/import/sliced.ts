// The import as the app runs it: the whole file is read and checked first (a bad file imports
// nothing), then written in slices of about 40 ms (a huge conversation spans several), each its own transaction, with a
// turn of the event loop between them. So replies keep streaming and the window keeps answering
// during a big import, the full-text index is flushed per slice (one huge transaction made its
// cost grow faster than the file), progress can be reported, and Cancel takes effect between
// slices: whatever this import had written is then removed again.
import type { ImportResult } from '../../../shared/conversations';
import { transaction } from '../database.ts';
import { writeSnapshotInSteps } from '../snapshot.ts';
import type { Store } from '../store.ts';
import { parseImport } from './index.ts';

/**
 * A slice ends after this long (or this many messages): long enough to amortise a commit, short
 * enough that a reply's next write or a click in the window waits only a moment, on any machine.
 */
const SLICE_MS = 40;
const SLICE_ROWS = 5_000;
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
  const { format, conversations } = parseImport(text);
  const total = conversations.length;
  const written: string[] = [];
  let messages = 0;
  let next = 0;
  // The rows still to write of the conversation in progress: a huge one spans several slices.
  let current: Generator<void, boolean> | null = null;
  try {
    while (next < total || current) {
      if (options.signal?.aborted) throw new ImportCancelled();
      const sliceEnds = performance.now() + SLICE_MS;
      transaction(store.db, () => {
        for (let rows = 0; (current || next < total) && rows < SLICE_ROWS && (rows === 0 || performance.now() < sliceEnds); rows++) {
          if (!current) {
            const c = conversations[next++]!;
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
      options.onProgress?.({ done: current ? next - 1 : next, total });
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (options.signal?.aborted) throw new ImportCancelled();
  } catch (error) {
    undo(store, written);
    throw error;
  }
  return { format, imported: written.length, skipped: total - written.length, messages };
}

/** Removes the conversations an unfinished import wrote (their messages, index rows and files cascade). */
function undo(store: Store, ids: string[]): void {
  for (let i = 0; i < ids.length; i += UNDO_CHUNK) {
    const chunk = ids.slice(i, i + UNDO_CHUNK);
    store.db.prepare(`DELETE FROM conversations WHERE id IN (${chunk.map(() => '?').join(',')})`).run(...chunk);
  }
}
