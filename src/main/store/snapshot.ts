// A whole conversation as stored, every branch and remembered choice included: the input of
// the lossless JSON export and the output of every importer.
import type { AttachmentKind } from '../../shared/attachments';
import type { ConversationSummary, MessageNode } from '../../shared/conversations';
import { AttachmentRepository } from './attachments.ts';
import type { Db } from './database.ts';
import { prepared } from './statement-cache.ts';
import { CONVERSATION_COLUMNS, MESSAGE_COLUMNS, toConversation, toMessage, type ConversationRow, type MessageRow } from './rows.ts';

/** An attached file with its bytes (base64), so the JSON export is the whole conversation. */
export interface SnapshotAttachment {
  name: string;
  kind: AttachmentKind;
  mimeType: string;
  sha256: string;
  width?: number;
  height?: number;
  thumbnail?: string;
  data: string;
}

export interface SnapshotMessage extends Omit<MessageNode, 'conversationId' | 'attachments'> {
  /** Which child the user last looked at; null for a leaf. */
  activeChildId: string | null;
  attachments?: SnapshotAttachment[];
}

export interface ConversationSnapshot extends Omit<ConversationSummary, 'deletedAt'> {
  activeRootId: string | null;
  /** Where an import came from (e.g. "chatgpt:<id>"), so importing it again is a no-op. */
  sourceKey: string | null;
  /** Parents always come before their children. */
  messages: SnapshotMessage[];
}

export function readSnapshot(db: Db, conversationId: string): ConversationSnapshot | null {
  const row = db.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ?`).get(conversationId) as ConversationRow | undefined;
  if (!row) return null;
  const { deletedAt: _, ...c } = toConversation(row);
  // seq order puts parents first: a child is always inserted after its parent.
  const rows = db
    .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq`)
    .all(conversationId) as unknown as MessageRow[];
  const files = new AttachmentRepository(db).stored(rows.filter((r) => r.role === 'user').map((r) => r.id));
  return {
    ...c,
    activeRootId: row.active_root_id,
    sourceKey: row.source_key,
    messages: rows.map((r) => {
      const { conversationId: _c, attachments: _views, ...m } = toMessage(r);
      const message: SnapshotMessage = { ...m, activeChildId: r.active_child_id };
      const attached = files.get(r.id);
      if (attached) {
        message.attachments = attached.map(({ data, size: _s, ...view }) => ({ ...view, data: Buffer.from(data).toString('base64') }));
      }
      return message;
    }),
  };
}

/** Ids of every conversation not in the Undo bin, newest activity first. */
export function liveConversationIds(db: Db): string[] {
  const rows = db.prepare('SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC, seq DESC').all() as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

/**
 * Writes a snapshot as new rows. Returns false (and writes nothing) when the conversation or
 * its source is already present, which is what makes re-importing a file harmless.
 */
export function writeSnapshot(db: Db, s: ConversationSnapshot): boolean {
  const steps = writeSnapshotInSteps(db, s);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, one row per step: it pauses after the conversation row and after each message, so
 * an import can spread one huge conversation over several transactions (see import/sliced.ts).
 */
export function* writeSnapshotInSteps(db: Db, s: ConversationSnapshot): Generator<void, boolean> {
  // A conversation still in the Undo bin is replaced by the imported copy: importing a deleted
  // conversation's export brings it back.
  // Looked up first: a DELETE runs its cascade and index triggers even when it matches nothing.
  const present = prepared(db, 'SELECT id, deleted_at AS deletedAt FROM conversations WHERE id = ? OR (source_key IS NOT NULL AND source_key = ?)')
    .all(s.id, s.sourceKey) as Array<{ id: string; deletedAt: number | null }>;
  for (const c of present) if (c.deletedAt !== null) prepared(db, 'DELETE FROM conversations WHERE id = ?').run(c.id);
  if (present.some((c) => c.deletedAt === null)) return false;
  prepared(
    db,
    `INSERT INTO conversations (id, title, title_source, created_at, updated_at, pinned, provider_id, model, options, system_prompt, active_root_id, source_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.id, s.title, s.titleSource, s.createdAt, s.updatedAt, s.pinned ? 1 : 0, s.providerId, s.model, JSON.stringify(s.options), s.systemPrompt, s.activeRootId, s.sourceKey);
  yield;
  const insert = prepared(
    db,
    `INSERT INTO messages (id, conversation_id, parent_id, active_child_id, role, text, reasoning, provider_id, model, state, finish, error, stats, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const attachments = new AttachmentRepository(db);
  const toolCalls = prepared(db, 'UPDATE messages SET tool_calls = ? WHERE id = ?');
  const toolNotices = prepared(db, 'UPDATE messages SET tool_notices = ? WHERE id = ?');
  for (const m of s.messages) {
    insert.run(
      m.id, s.id, m.parentId, m.activeChildId, m.role, m.text, m.reasoning, m.providerId, m.model,
      m.state, m.finish, m.error ? JSON.stringify(m.error) : null, m.stats ? JSON.stringify(m.stats) : null,
      m.createdAt, m.updatedAt,
    );
    if (m.toolCalls?.length) toolCalls.run(JSON.stringify(m.toolCalls), m.id);
    if (m.toolNotices?.length) toolNotices.run(JSON.stringify(m.toolNotices), m.id);
    if (m.attachments?.length) {
      attachments.add(
        m.id,
        m.attachments.map(({ data, ...a }) => ({ ...a, bytes: Buffer.from(data, 'base64') })),
      );
    }
    yield;
  }
  return true;
}
