// The conversation store: one SQLite file owned by the main process. The renderer reaches it
// only through the typed contract, which calls the methods below.
import { dirname } from 'node:path';
import type { SearchHit } from '../../shared/conversations';
import { AttachmentRepository } from './attachments.ts';
import { backupDatabase } from './backup.ts';
import { ConversationRepository } from './conversations.ts';
import { openDatabase, openDatabaseOnFullDisk, openDatabaseReadOnly, type Db } from './database.ts';
import { checkpointAndTruncate } from './erase.ts';
import { privateDir, privateFile } from './file-modes.ts';
import { ensureFileIdentity } from './health.ts';
import { MessageRepository } from './messages.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS, type Migration } from './schema.ts';
import { search } from './search.ts';

export interface StoreOptions {
  now?: () => number;
  /** Tests only: replace the schema history to exercise upgrades and failures. */
  migrations?: readonly Migration[];
  /** Where the copy taken before a schema upgrade goes; no copy without it. */
  backupDir?: string;
  /** Open for reading only: a damaged file (to read and export what can be read) or a full disk. No upgrade, no repair, no write, nothing changed. */
  readOnly?: ReadOnlyReason;
}

export type ReadOnlyReason = 'damaged' | 'disk-full';

/** Thrown when a read-only open finds a file that would need a schema upgrade first. */
export class ReadOnlyNeedsUpgrade extends Error {}

export interface Store {
  readonly path: string;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly attachments: AttachmentRepository;
  /** What happened at open: schema upgrade and replies found interrupted by a crash. */
  readonly opened: { fromVersion: number; toVersion: number; interruptedReplies: number };
  search(query: string, opts?: { limit?: number }): SearchHit[];
  /** For the store's own export/import modules and tools; not for the renderer contract. */
  readonly db: Db;
  /** Checkpoints the WAL into the file and closes it: a copy of plume.db alone is then complete. */
  close(): void;
}

export function openStore(path: string, opts: StoreOptions = {}): Store {
  if (opts.readOnly) return openReadOnly(path, opts.readOnly, opts);
  if (path !== ':memory:') {
    privateDir(dirname(path));
    privateFile(path);
  }
  const db = openDatabase(path);
  try {
    const backupDir = opts.backupDir;
    const beforeUpgrade = backupDir ? (from: number) => void backupDatabase(db, backupDir, `before-upgrade-v${from}`) : undefined;
    const { from, to } = migrate(db, opts.migrations ?? MIGRATIONS, beforeUpgrade);
    if (path !== ':memory:') ensureFileIdentity(db);
    const now = opts.now ?? Date.now;
    const store = assemble(path, db, now, { fromVersion: from, toVersion: to, interruptedReplies: 0 });
    return { ...store, opened: { ...store.opened, interruptedReplies: store.messages.recoverInterrupted() } };
  } catch (err) {
    db.close();
    throw err;
  }
}

function openReadOnly(path: string, why: ReadOnlyReason, opts: StoreOptions): Store {
  // A damaged file is opened with SQLite's read-only flag; a full disk needs the WAL index in memory.
  const db = why === 'damaged' ? openDatabaseReadOnly(path) : openDatabaseOnFullDisk(path);
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  const latest = (opts.migrations ?? MIGRATIONS).at(-1)?.version ?? 0;
  if (version !== latest) {
    db.close();
    throw new ReadOnlyNeedsUpgrade(`${path} is at schema version ${version} and this Plume reads version ${latest}; upgrading it would change the file.`);
  }
  return assemble(path, db, opts.now ?? Date.now, { fromVersion: version, toVersion: version, interruptedReplies: 0 }, true);
}

function assemble(path: string, db: Db, now: () => number, opened: Store['opened'], readOnly = false): Store {
  const conversations = new ConversationRepository(db, now);
  const attachments = new AttachmentRepository(db);
  const messages = new MessageRepository(db, now, conversations, attachments);
  return {
    path,
    db,
    conversations,
    messages,
    attachments,
    opened,
    search: (query, o) => search(db, query, o),
    close: () => {
      if (!db.isOpen) return;
      // Read-only means the file is left exactly as found: no checkpoint either.
      if (readOnly) return db.close();
      try {
        checkpointAndTruncate(db);
      } catch {
        // A full or read-only disk: closing still checkpoints what it can, and the WAL stays valid.
      }
      db.close();
    },
  };
}
