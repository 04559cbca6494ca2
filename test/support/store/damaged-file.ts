// A conversation database damaged the way disks damage files: a page in the middle of the
// messages table overwritten, and the page opening reads to find replies left streaming (the
// start-up recovery's index). Opening it for writing fails, while reading it read-only still
// shows the conversations whose pages are intact.
import { readFileSync, writeFileSync } from 'node:fs';
import { openStore } from '../../../src/main/store/store';

export const READABLE_TITLE = 'Readable chat';
export const READABLE_TEXT = 'This one can still be read.';

/** Writes the damaged file at `path`; returns its bytes (to prove they never change). */
export function writeDamagedButReadable(path: string): Buffer {
  const store = openStore(path);
  const long = store.conversations.create({ title: 'Long chat' });
  for (let i = 0; i < 300; i++) store.messages.appendUser(long.id, `Entry ${i}: ${'lorem ipsum '.repeat(40)} <<mark-${i}>>`);
  const readable = store.conversations.create({ title: READABLE_TITLE });
  store.messages.appendUser(readable.id, READABLE_TEXT);
  const { page_size: pageSize } = store.db.prepare('PRAGMA page_size').get() as { page_size: number };
  const { rootpage } = store.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'messages_streaming'").get() as { rootpage: number };
  store.close();
  const bytes = readFileSync(path);
  // The page holding message 150 of the long chat, its b-tree header and first cells zapped.
  const page = Math.floor(bytes.indexOf('<<mark-150>>') / pageSize);
  for (const p of [page, rootpage - 1]) bytes.fill(0x5a, p * pageSize, p * pageSize + 16);
  writeFileSync(path, bytes);
  return bytes;
}

/**
 * Damage that opening the file never reads: the search index's first page. Plume starts as
 * usual; only the check run after start (quick_check) finds it.
 */
export function writeDamageOnlyTheCheckFinds(path: string): void {
  const store = openStore(path);
  const c = store.conversations.create({ title: READABLE_TITLE });
  for (let i = 0; i < 300; i++) store.messages.appendUser(c.id, `message ${i} ${'lorem ipsum '.repeat(40)}`);
  const { rootpage } = store.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'messages_fts_data'").get() as { rootpage: number };
  const { page_size: pageSize } = store.db.prepare('PRAGMA page_size').get() as { page_size: number };
  store.close();
  const bytes = readFileSync(path);
  bytes.fill(0x5a, (rootpage - 1) * pageSize, (rootpage - 1) * pageSize + 64);
  writeFileSync(path, bytes);
}
