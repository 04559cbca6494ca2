// The conversation store: one SQLite file owned by the main process. The renderer reaches it
// only through the typed contract, which calls the methods below.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SearchHit } from '../../shared/conversations';
import { AttachmentRepository } from './attachments.ts';
import { ConversationRepository } from './conversations.ts';
import { openDatabase, type Db } from './database.ts';
import { MessageRepository } from './messages.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS, type Migration } from './schema.ts';
import { search } from './search.ts';

export interface StoreOptions {
  now?: () => number;
  /** Tests only: replace the schema history to exercise upgrades and failures. */
  migrations?: readonly Migration[];
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
  close(): void;
}

export function openStore(path: string, opts: StoreOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = openDatabase(path);
  try {
    const { from, to } = migrate(db, opts.migrations ?? MIGRATIONS);
    const now = opts.now ?? Date.now;
    const conversations = new ConversationRepository(db, now);
    const attachments = new AttachmentRepository(db);
    const messages = new MessageRepository(db, now, conversations, attachments);
    const interruptedReplies = messages.recoverInterrupted();
    return {
      path,
      db,
      conversations,
      messages,
      attachments,
      opened: { fromVersion: from, toVersion: to, interruptedReplies },
      search: (query, o) => search(db, query, o),
      close: () => db.close(),
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
