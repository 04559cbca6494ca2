// Deleting for good. A DELETE alone leaves the text behind in three places: freed pages and cells
// of the database file, old page images in the WAL, and the full-text index. `secure_delete` (set
// at open, database.ts) zeroes freed content as it is freed, the index forgets deleted rows by
// secure delete or by a merge (erase-deleted.ts), and the WAL is emptied afterwards.
import type { Db } from './database.ts';

/** Copies every WAL frame into the file and truncates the WAL to zero bytes. */
export function checkpointAndTruncate(db: Db): void {
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

/** "Delete all data": every conversation, message, file and index entry; the file is rebuilt. */
export function eraseEverything(db: Db): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('DELETE FROM conversations');
    // The cascades removed messages and attachments; make sure nothing orphaned survives.
    db.exec('DELETE FROM message_attachments; DELETE FROM attachment_blobs; DELETE FROM messages');
    db.exec("INSERT INTO messages_fts(messages_fts) VALUES ('delete-all')");
    db.exec("INSERT INTO titles_fts(titles_fts) VALUES ('delete-all')");
    db.exec('DELETE FROM tool_names_fts');
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  // VACUUM writes a fresh file without free pages, then the WAL is emptied.
  db.exec('VACUUM');
  checkpointAndTruncate(db);
}
