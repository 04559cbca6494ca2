// The message tree of a conversation: appending, branching (edit / regenerate), the remembered
// active path, switching and deleting branches.
//
// Each message remembers which of its children is active (`active_child_id`); the conversation
// remembers its active first message (`active_root_id`). The active path is the walk down
// those pointers, so switching back to a branch also restores the choices made inside it.
import { randomUUID } from 'node:crypto';
import type { StoredToolCall } from '../../shared/tool-calls';
import type { ReplyOutcome, Role } from '../../shared/chat';
import type { MessageNode, PathMessage } from '../../shared/conversations';
import type { AttachmentRepository } from './attachments.ts';
import { ReplyCheckpointer, type CheckpointOptions } from './checkpointer.ts';
import type { ConversationRepository } from './conversations.ts';
import { StoreNotFoundError } from './conversations.ts';
import { transaction, type Db } from './database.ts';
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from './rows.ts';
import { titleFromFirstExchange } from './title.ts';

export interface ReplyTarget {
  providerId: string | null;
  model: string | null;
}

export interface BeginReply extends ReplyTarget {
  /** The message being answered; defaults to the end of the active path. */
  parentId?: string;
  checkpoint?: CheckpointOptions;
}

// The walk down the remembered choices; the depth bound stops a corrupted pointer cycle.
const ACTIVE_PATH_CTE = `WITH RECURSIVE path(id, depth) AS (
  SELECT active_root_id, 0 FROM conversations WHERE id = ? AND active_root_id IS NOT NULL
  UNION ALL
  SELECT m.active_child_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id
  WHERE m.active_child_id IS NOT NULL AND path.depth < 1000000
)`;

const INTERRUPTED_ERROR = JSON.stringify({
  kind: 'interrupted',
  message: 'Plume closed before this reply finished. The text up to that point was kept.',
});

export class MessageRepository {
  readonly #db: Db;
  readonly #now: () => number;
  readonly #conversations: ConversationRepository;
  readonly #attachments: AttachmentRepository;

  constructor(db: Db, now: () => number, conversations: ConversationRepository, attachments: AttachmentRepository) {
    this.#db = db;
    this.#now = now;
    this.#conversations = conversations;
    this.#attachments = attachments;
  }

  get(id: string): MessageNode | null {
    const row = this.#db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`).get(id) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  /** Every message of the conversation, all branches, oldest first. */
  all(conversationId: string): MessageNode[] {
    const rows = this.#db
      .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq`)
      .all(conversationId) as unknown as MessageRow[];
    return rows.map(toMessage);
  }

  /** Adds a user message at the end of the active path (or under `parentId`) and makes it active. */
  appendUser(conversationId: string, text: string, opts: { parentId?: string | null } = {}): MessageNode {
    return transaction(this.#db, () => {
      const conv = this.#conversations.require(conversationId);
      const parentId = opts.parentId !== undefined ? opts.parentId : this.activeLeafId(conversationId);
      const id = this.#insert(conversationId, parentId, 'user', text, { providerId: null, model: null }, 'complete');
      if (conv.titleSource === 'auto' && conv.title === '') {
        this.#conversations.setAutoTitle(conversationId, titleFromFirstExchange(text));
      }
      return this.#require(id);
    });
  }

  /** Creates the reply row in state 'streaming' before the request goes out. */
  beginAssistant(conversationId: string, opts: BeginReply): ReplyCheckpointer {
    const id = transaction(this.#db, () => {
      this.#conversations.require(conversationId);
      const parentId = opts.parentId ?? this.activeLeafId(conversationId);
      return this.#insert(conversationId, parentId, 'assistant', '', opts, 'streaming');
    });
    return new ReplyCheckpointer(this.#db, { messageId: id, conversationId }, (o, text, reasoning) => this.#finish(id, o, text, reasoning), opts.checkpoint);
  }

  /** Edit = a new user message beside the old one; the old branch stays one click away. */
  editUser(messageId: string, text: string): MessageNode {
    const old = this.#require(messageId);
    if (old.role !== 'user') throw new Error(`Message ${messageId} is a ${old.role} message; only user messages can be edited`);
    return this.appendUser(old.conversationId, text, { parentId: old.parentId });
  }

  /** Regenerate = a new reply beside `assistantId`, answering the same message. */
  regenerate(assistantId: string, target: ReplyTarget & { checkpoint?: CheckpointOptions }): ReplyCheckpointer {
    const old = this.#require(assistantId);
    if (old.role !== 'assistant') throw new Error(`Message ${assistantId} is a ${old.role} message; only replies can be regenerated`);
    if (old.parentId === null) throw new Error(`Reply ${assistantId} answers nothing and cannot be regenerated`);
    return this.beginAssistant(old.conversationId, { ...target, parentId: old.parentId });
  }

  activeLeafId(conversationId: string): string | null {
    const row = this.#db
      .prepare(
        `${ACTIVE_PATH_CTE}
         SELECT id FROM path ORDER BY depth DESC LIMIT 1`,
      )
      .get(conversationId) as { id: string } | undefined;
    return row?.id ?? null;
  }

  /** The messages the user sees, root to leaf, each with its place among its siblings. */
  activePath(conversationId: string): PathMessage[] {
    const rows = this.#db
      .prepare(
        `${ACTIVE_PATH_CTE}
         SELECT ${MESSAGE_COLUMNS.split(', ').map((c) => `m.${c}`).join(', ')},
           (SELECT count(*) FROM messages s WHERE s.conversation_id = m.conversation_id AND s.parent_id IS m.parent_id AND s.seq < m.seq) AS sibling_index,
           (SELECT count(*) FROM messages s WHERE s.conversation_id = m.conversation_id AND s.parent_id IS m.parent_id) AS sibling_count
         FROM path CROSS JOIN messages m ON m.id = path.id
         ORDER BY path.depth`,
      )
      .all(conversationId) as unknown as Array<MessageRow & { sibling_index: number; sibling_count: number }>;
    const files = this.#attachments.views(rows.filter((r) => r.role === 'user').map((r) => r.id));
    return rows.map((r) => {
      const m: PathMessage = { ...toMessage(r), siblingIndex: r.sibling_index, siblingCount: r.sibling_count };
      const attachments = files.get(r.id);
      if (attachments) m.attachments = attachments;
      return m;
    });
  }

  /** Ids of the messages sharing `messageId`'s parent, oldest first (it included). */
  siblingIds(messageId: string): string[] {
    const m = this.#require(messageId);
    const rows = this.#db
      .prepare('SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY seq')
      .all(m.conversationId, m.parentId) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** The `‹ 2/3 ›` switcher: show sibling number `index` (0-based) of `messageId`. */
  switchSibling(messageId: string, index: number): PathMessage[] {
    const siblings = this.siblingIds(messageId);
    const target = siblings[index];
    if (target === undefined) throw new RangeError(`Branch ${index + 1} does not exist (there are ${siblings.length})`);
    return this.select(target);
  }

  /**
   * Makes the active path run through `messageId` (e.g. a search hit on another branch). Below
   * it, the branch's own remembered choices apply.
   */
  select(messageId: string): PathMessage[] {
    const target = this.#require(messageId);
    transaction(this.#db, () => {
      let m = target;
      this.#show(m.conversationId, m.parentId, m.id);
      while (m.parentId !== null) {
        m = this.#require(m.parentId);
        this.#show(m.conversationId, m.parentId, m.id);
      }
    });
    return this.activePath(target.conversationId);
  }

  /**
   * Removes `messageId` and everything below it. If it was the shown branch, the nearest
   * remaining sibling (the previous one, else the next) is shown instead.
   */
  deleteBranch(messageId: string): PathMessage[] {
    const target = this.#require(messageId);
    transaction(this.#db, () => {
      const siblings = this.siblingIds(messageId);
      const at = siblings.indexOf(messageId);
      const replacement = siblings[at - 1] ?? siblings[at + 1] ?? null;
      // One statement over the whole subtree: deep trees would exceed SQLite's trigger
      // recursion limit with a cascading foreign key.
      this.#db
        .prepare(
          `WITH RECURSIVE sub(id) AS (
             SELECT ? UNION ALL SELECT m.id FROM messages m JOIN sub ON m.parent_id = sub.id
           )
           DELETE FROM messages WHERE id IN (SELECT id FROM sub)`,
        )
        .run(messageId);
      if (target.parentId === null) {
        this.#db
          .prepare('UPDATE conversations SET active_root_id = ? WHERE id = ? AND active_root_id = ?')
          .run(replacement, target.conversationId, messageId);
      } else {
        this.#db
          .prepare('UPDATE messages SET active_child_id = ? WHERE id = ? AND active_child_id = ?')
          .run(replacement, target.parentId, messageId);
      }
    });
    return this.activePath(target.conversationId);
  }

  /**
   * Run once at open, before anything streams: a row still 'streaming' belongs to a process
   * that died, so it is shown as interrupted with its checkpointed text.
   */
  recoverInterrupted(): number {
    const r = this.#db
      .prepare(`UPDATE messages SET state = 'interrupted', error = coalesce(error, ?) WHERE state = 'streaming'`)
      .run(INTERRUPTED_ERROR);
    return Number(r.changes);
  }

  #insert(conversationId: string, parentId: string | null, role: Role, text: string, target: ReplyTarget, state: 'complete' | 'streaming'): string {
    if (parentId !== null) {
      const parent = this.#require(parentId);
      if (parent.conversationId !== conversationId) throw new Error(`Message ${parentId} belongs to another conversation`);
    }
    const id = randomUUID();
    const now = this.#now();
    this.#db
      .prepare(
        `INSERT INTO messages (id, conversation_id, parent_id, role, text, provider_id, model, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, conversationId, parentId, role, text, target.providerId, target.model, state, now, now);
    // A new message is always what the user is looking at.
    this.#show(conversationId, parentId, id);
    this.#conversations.touch(conversationId);
    return id;
  }

  /** Makes `id` the active child of `parentId`, or the conversation's active first message. */
  /** The reply's tool calls as they stand (written at each change of a call's state). */
  setToolCalls(id: string, calls: readonly StoredToolCall[]): void {
    this.#db.prepare('UPDATE messages SET tool_calls = ? WHERE id = ?').run(calls.length ? JSON.stringify(calls) : null, id);
  }

  /** Notices about the reply's tools as a whole, in the order they were given. */
  setToolNotices(id: string, notices: readonly string[]): void {
    this.#db.prepare('UPDATE messages SET tool_notices = ? WHERE id = ?').run(notices.length ? JSON.stringify(notices) : null, id);
  }

  #show(conversationId: string, parentId: string | null, id: string): void {
    if (parentId === null) {
      this.#db.prepare('UPDATE conversations SET active_root_id = ? WHERE id = ?').run(id, conversationId);
    } else {
      this.#db.prepare('UPDATE messages SET active_child_id = ? WHERE id = ?').run(id, parentId);
    }
  }

  #finish(id: string, outcome: ReplyOutcome, text: string, reasoning: string): MessageNode {
    return transaction(this.#db, () => {
      this.#db
        .prepare('UPDATE messages SET text = ?, reasoning = ?, state = ?, finish = ?, error = ?, stats = ?, updated_at = ? WHERE id = ?')
        .run(
          text,
          reasoning,
          outcome.state,
          outcome.finish ?? null,
          outcome.error ? JSON.stringify(outcome.error) : null,
          JSON.stringify(outcome.stats),
          this.#now(),
          id,
        );
      const m = this.#require(id);
      this.#conversations.touch(m.conversationId);
      return m;
    });
  }

  #require(id: string): MessageNode {
    const m = this.get(id);
    if (!m) throw new StoreNotFoundError('message', id);
    return m;
  }
}
