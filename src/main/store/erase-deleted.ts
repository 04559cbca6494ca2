// Erasing conversations whose Undo window has passed, in bounded steps so the host stays free.
//
// The search index can forget a row two ways. Its secure-delete option removes each word from
// the index pages at once, but costs milliseconds per message on a big index (1,000 conversations
// of a million-message file: over half an hour). Without it, a delete only adds a marker and the
// words stay in the older index segments until those are merged; merging every segment into one
// drops them, at a cost that follows the index size (seconds), whatever was deleted. So a few
// messages go by secure delete; many are deleted with markers, then the whole index is merged in
// slices. A row in `erase_pending` says a merge is still owed: it survives a quit, and the next
// start finishes the merge. Freed pages are zeroed (`secure_delete` pragma) and the WAL is emptied
// at the end, so no byte of the deleted text stays in the file, its WAL or the index.
import type { Db } from './database.ts';
import { transaction } from './database.ts';
import { checkpointAndTruncate } from './erase.ts';
import { prepared } from './statement-cache.ts';

/** Every full-text index; messages_fts is the big one, merged in slices. */
const INDEXES = ['messages_fts', 'titles_fts', 'tool_names_fts'] as const;
/** Below this many messages, secure delete costs less than a merge at any index size seen (about 1 s on a million). */
const SECURE_MAX_MESSAGES = 200;
/** Secure delete costs ~500x more per deleted message than a merge costs per indexed message. */
const SECURE_COST_RATIO = 500;
/** Conversations deleted per step when the index is merged afterwards. */
const BATCH = 25;
/** Index pages written per merge slice (4 KB each). */
const MERGE_PAGES = 1000;
/** A page cache big enough that a merge does not read the same pages again and again (64 MB). */
const ERASE_CACHE_KIB = 65_536;

export interface EraseStep {
  /** Conversations erased by this step. */
  erased: number;
  /** False once nothing deleted before `before` is left in rows or index. */
  more: boolean;
}

export class DeletedEraser {
  readonly #db: Db;
  /** The first merge slice after a marker delete gathers every segment (a negative 'merge'). */
  #gatherSegments = true;
  #savedCache: number | null = null;

  constructor(db: Db) {
    this.#db = db;
  }

  step(before: number): EraseStep {
    const due = prepared(this.#db, 'SELECT id FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at < ? ORDER BY deleted_at LIMIT ?')
      .all(before, BATCH)
      .map((r) => (r as { id: string }).id);
    const pending = this.#mergePending();
    if (due.length === 0 && !pending) {
      this.#restoreCache();
      return { erased: 0, more: false };
    }
    this.#useBigCache();
    if (due.length > 0) {
      if (!pending && this.#secureIsCheaper(before)) {
        transaction(this.#db, () => this.#delete(due.slice(0, 1)));
        checkpointAndTruncate(this.#db);
        return { erased: 1, more: true };
      }
      this.#deleteWithMarkers(due);
      return { erased: due.length, more: true };
    }
    const merged = this.#mergeSlice();
    if (merged) this.#restoreCache();
    return { erased: 0, more: !merged };
  }

  #delete(ids: string[]): void {
    const del = prepared(this.#db, 'DELETE FROM conversations WHERE id = ?');
    for (const id of ids) del.run(id);
  }

  #secureIsCheaper(before: number): boolean {
    const due = (prepared(this.#db, 'SELECT count(*) AS n FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at < ?)').get(before) as { n: number }).n;
    if (due <= SECURE_MAX_MESSAGES) return true;
    // max(seq) stands in for the number of indexed messages: one index look-up, not a count.
    const indexed = (prepared(this.#db, 'SELECT coalesce(max(seq), 0) AS n FROM messages').get() as { n: number }).n;
    return due * SECURE_COST_RATIO < indexed;
  }

  #deleteWithMarkers(ids: string[]): void {
    transaction(this.#db, () => {
      this.#setSecureDelete(0);
      this.#delete(ids);
      // Deletes wait in memory until a flush; flushed now, while secure delete is off, they
      // become markers. The option goes back on for everything else: with it off, each
      // checkpoint of a streaming reply would leave the reply's earlier index entries in older
      // segments, which a later secure delete of that reply does not reach.
      for (const fts of INDEXES) this.#db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('flush')`);
      this.#setSecureDelete(1);
      this.#db.exec('INSERT OR IGNORE INTO erase_pending (id, since) VALUES (1, unixepoch())');
    });
    // New markers lie outside a merge already under way: the next slice starts over with them.
    this.#gatherSegments = true;
  }

  /** One slice of the merge; true when every segment has been merged and the text is gone. */
  #mergeSlice(): boolean {
    const totalChanges = () => (prepared(this.#db, 'SELECT total_changes() AS n').get() as { n: number }).n;
    const before = totalChanges();
    transaction(this.#db, () => {
      // Negative: all segments into one level and merge them together ("optimize" in slices);
      // positive afterwards, so segments written meanwhile (a streaming reply) do not restart it.
      const pages = this.#gatherSegments ? -MERGE_PAGES : MERGE_PAGES;
      prepared(this.#db, "INSERT INTO messages_fts(messages_fts, rank) VALUES ('merge', ?)").run(pages);
    });
    this.#gatherSegments = false;
    // Fewer than two changes: there was nothing left to merge (SQLite's documented test).
    if (totalChanges() - before >= 2) return false;
    transaction(this.#db, () => {
      // Titles and tool names are small indexes: merged whole.
      for (const fts of INDEXES.slice(1)) this.#db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('optimize')`);
      this.#db.exec('DELETE FROM erase_pending');
    });
    this.#gatherSegments = true;
    checkpointAndTruncate(this.#db);
    return true;
  }

  #mergePending(): boolean {
    return prepared(this.#db, 'SELECT 1 FROM erase_pending').get() !== undefined;
  }

  #setSecureDelete(on: 0 | 1): void {
    for (const fts of INDEXES) this.#db.exec(`INSERT INTO ${fts}(${fts}, rank) VALUES ('secure-delete', ${on})`);
  }

  #useBigCache(): void {
    if (this.#savedCache !== null) return;
    this.#savedCache = (this.#db.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;
    this.#db.exec(`PRAGMA cache_size = -${ERASE_CACHE_KIB}`);
  }

  #restoreCache(): void {
    if (this.#savedCache === null) return;
    this.#db.exec(`PRAGMA cache_size = ${this.#savedCache}`);
    this.#savedCache = null;
  }
}
