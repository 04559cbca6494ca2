// The search index's secure-delete option, switched on only around deletes that must not leave
// words behind. Left on, it also ran on every streaming checkpoint (an update replaces the row's
// index entries) and cost tens to hundreds of milliseconds a write on a million-message file.
import type { Db } from './database.ts';
import { transaction } from './database.ts';

/** Every full-text index; messages_fts is the big one. */
export const SEARCH_INDEXES = ['messages_fts', 'titles_fts', 'tool_names_fts'] as const;

export function setSecureDelete(db: Db, on: 0 | 1): void {
  for (const fts of SEARCH_INDEXES) db.exec(`INSERT INTO ${fts}(${fts}, rank) VALUES ('secure-delete', ${on})`);
}

/**
 * Runs `fn` (which deletes rows) in a transaction where the index removes the rows' words from
 * its pages at once. Deletes wait in memory until a flush and the option is read then: flushed
 * before it goes off again.
 */
export function withSecureDelete<T>(db: Db, fn: () => T): T {
  return transaction(db, () => {
    setSecureDelete(db, 1);
    const result = fn();
    for (const fts of SEARCH_INDEXES) db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('flush')`);
    setSecureDelete(db, 0);
    return result;
  });
}
