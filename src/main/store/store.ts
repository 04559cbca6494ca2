// The conversation store: one SQLite file owned by the main process. The renderer reaches it
// only through the typed contract, which calls the methods below.
import { dirname } from 'node:path';
import type { SearchHit } from '../../shared/conversations';
import { AttachmentRepository } from './attachments.ts';
import { backupDatabase } from './backup.ts';
import { ConversationRepository } from './conversations.ts';
import { openDatabase, openDatabaseReadOnly, type Db } from './database.ts';
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
  /** A damaged file, opened to read and export what can be read: no upgrade, no write, nothing changed. */
  readOnly?: boolean;
}

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
  const readOnly = opts.readOnly === true;
  if (path !== ':memory:' && !readOnly) {
    privateDir(dirname(path));
    privateFile(path);
  }
  const db = readOnly ? openDatabaseReadOnly(path) : openDatabase(path);
  try {
    const backupDir = opts.backupDir;
    const beforeUpgrade = backupDir ? (from: number) => void backupDatabase(db, backupDir, `before-upgrade-v${from}`) : undefined;
    const migrations = opts.migrations ?? MIGRATIONS;
    const { from, to } = readOnly ? sameSchema(db, migrations) : migrate(db, migrations, beforeUpgrade);
    if (path !== ':memory:' && !readOnly) ensureFileIdentity(db);
    const now = opts.now ?? Date.now;
    const conversations = new ConversationRepository(db, now);
    const attachments = new AttachmentRepository(db);
    const messages = new MessageRepository(db, now, conversations, attachments);
    const interruptedReplies = readOnly ? 0 : messages.recoverInterrupted();
    return {
      path,
      db,
      conversations,
      messages,
      attachments,
      opened: { fromVersion: from, toVersion: to, interruptedReplies },
      search: (query, o) => search(db, query, o),
      close: () => {
        if (!db.isOpen) return;
        if (readOnly) return db.close();
        try {
          checkpointAndTruncate(db);
        } catch {
          // A full or read-only disk: closing still checkpoints what it can, and the WAL stays valid.
        }
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Read-only, the file cannot be upgraded: it must already be at this build's schema. */
function sameSchema(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  const latest = migrations.at(-1)?.version ?? 0;
  if (version !== latest) {
    throw new Error(`it is at schema version ${version} and this Plume reads version ${latest}; converting it would change the file`);
  }
  return { from: version, to: version };
}
