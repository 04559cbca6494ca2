// Deleting for good. A DELETE alone leaves the text behind in three places: freed pages and cells
// of the database file, old page images in the WAL, and the full-text index. `secure_delete` (set
// at open, database.ts) zeroes freed content as it is freed, the index's own secure-delete option
// (schema step 6) drops a row's entries from its segments when the row goes, and this empties the
// WAL. No whole-index rewrite is needed, so erasing one conversation stays cheap on a big file.
import type { Db } from './database.ts';

/** After rows were deleted: no byte of their text stays in plume.db or -wal. */
export function scrubDeletedText(db: Db): void {
  checkpointAndTruncate(db);
}

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
