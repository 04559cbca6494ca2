// Files attached to messages. Bytes live once per SHA-256 in `attachment_blobs`; a message
// points at them by position. The window gets views (no bytes); replies and exports get bytes.
import type { AttachmentKind, AttachmentView, MessageAttachment } from '../../shared/attachments';
import type { CheckedAttachment } from '../attachments/check.ts';
import type { Db } from './database.ts';

interface AttachmentRow {
  message_id: string;
  name: string;
  sha256: string;
  kind: AttachmentKind;
  mime_type: string;
  size: number;
  width: number | null;
  height: number | null;
  thumbnail: string | null;
}

/** A stored attachment with its bytes, as the JSON export writes it. */
export interface StoredAttachment extends AttachmentView {
  data: Uint8Array;
}

const VIEW_COLUMNS = 'a.message_id, a.name, a.sha256, b.kind, b.mime_type, b.size, b.width, b.height, b.thumbnail';
// Bounded IN lists: SQLite caps bound parameters, and a long path has thousands of messages.
const CHUNK = 500;

export class AttachmentRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Stores `list` as the attachments of `messageId`, after any it already has. */
  add(messageId: string, list: readonly CheckedAttachment[]): void {
    const start = (this.#db.prepare('SELECT coalesce(max(position) + 1, 0) AS next FROM message_attachments WHERE message_id = ?').get(messageId) as { next: number }).next;
    const blob = this.#db.prepare(
      `INSERT INTO attachment_blobs (sha256, kind, mime_type, size, width, height, thumbnail, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO UPDATE SET thumbnail = coalesce(attachment_blobs.thumbnail, excluded.thumbnail)`,
    );
    const link = this.#db.prepare('INSERT INTO message_attachments (message_id, position, name, sha256) VALUES (?, ?, ?, ?)');
    list.forEach((a, i) => {
      blob.run(a.sha256, a.kind, a.mimeType, a.bytes.length, a.width ?? null, a.height ?? null, a.thumbnail ?? null, a.bytes);
      link.run(messageId, start + i, a.name, a.sha256);
    });
  }

  /** An edit is a new message: it points at the same blobs as the one it replaces. */
  copy(fromMessageId: string, toMessageId: string): void {
    this.#db
      .prepare('INSERT INTO message_attachments (message_id, position, name, sha256) SELECT ?, position, name, sha256 FROM message_attachments WHERE message_id = ?')
      .run(toMessageId, fromMessageId);
  }

  /** Views of the attachments of each message that has any. */
  views(messageIds: readonly string[]): Map<string, AttachmentView[]> {
    const out = new Map<string, AttachmentView[]>();
    for (const row of this.#rows(messageIds, VIEW_COLUMNS)) {
      const list = out.get(row.message_id) ?? [];
      list.push(toView(row));
      out.set(row.message_id, list);
    }
    return out;
  }

  /** What a provider adapter needs for one message. */
  forModel(messageId: string): MessageAttachment[] {
    return this.#rows([messageId], `${VIEW_COLUMNS}, b.data`).map((r) => ({
      name: r.name,
      kind: r.kind,
      mimeType: r.mime_type,
      data: Buffer.from(r.data).toString('base64'),
    }));
  }

  /** With bytes, for the exports. */
  stored(messageIds: readonly string[]): Map<string, StoredAttachment[]> {
    const out = new Map<string, StoredAttachment[]>();
    for (const row of this.#rows(messageIds, `${VIEW_COLUMNS}, b.data`)) {
      const list = out.get(row.message_id) ?? [];
      list.push({ ...toView(row), data: row.data });
      out.set(row.message_id, list);
    }
    return out;
  }

  /** One stored content by its hash (the window's preview); null when none is stored. */
  content(sha256: string): { mimeType: string; data: Uint8Array } | null {
    const row = this.#db.prepare('SELECT mime_type, data FROM attachment_blobs WHERE sha256 = ?').get(sha256) as { mime_type: string; data: Uint8Array } | undefined;
    return row ? { mimeType: row.mime_type, data: row.data } : null;
  }

  /** Number of distinct stored contents (tests and tools). */
  blobCount(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM attachment_blobs').get() as { n: number }).n;
  }

  #rows(messageIds: readonly string[], columns: string): Array<AttachmentRow & { data: Uint8Array }> {
    const rows: Array<AttachmentRow & { data: Uint8Array }> = [];
    for (let i = 0; i < messageIds.length; i += CHUNK) {
      const ids = messageIds.slice(i, i + CHUNK);
      const found = this.#db
        .prepare(
          `SELECT ${columns} FROM message_attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256
           WHERE a.message_id IN (${ids.map(() => '?').join(', ')}) ORDER BY a.message_id, a.position`,
        )
        .all(...ids) as unknown as Array<AttachmentRow & { data: Uint8Array }>;
      rows.push(...found);
    }
    return rows;
  }
}

function toView(row: AttachmentRow): AttachmentView {
  const view: AttachmentView = { name: row.name, kind: row.kind, mimeType: row.mime_type, size: row.size, sha256: row.sha256 };
  if (row.width !== null) view.width = row.width;
  if (row.height !== null) view.height = row.height;
  if (row.thumbnail !== null) view.thumbnail = row.thumbnail;
  return view;
}
