// Conversation rows: the sidebar list, titles, pinning and soft delete with Undo.
import { randomUUID } from 'node:crypto';
import type { GenerationOptions } from '../../shared/chat';
import type { ConversationSummary } from '../../shared/conversations';
import type { Db } from './database.ts';
import { DeletedEraser, type EraseStep } from './erase-deleted.ts';
import { CONVERSATION_COLUMNS, toConversation, type ConversationRow } from './rows.ts';

export interface NewConversation {
  title?: string;
  providerId?: string | null;
  model?: string | null;
  options?: GenerationOptions;
}

export interface ConversationPage {
  items: ConversationSummary[];
  /** Pass back as `after` for the next page; null at the end. */
  nextCursor: string | null;
}

export class StoreNotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`No ${what} with id ${id}`);
    this.name = 'StoreNotFoundError';
  }
}

export class ConversationRepository {
  readonly #db: Db;
  readonly #now: () => number;
  readonly #eraser: DeletedEraser;

  constructor(db: Db, now: () => number) {
    this.#db = db;
    this.#now = now;
    this.#eraser = new DeletedEraser(db);
  }

  create(input: NewConversation = {}): ConversationSummary {
    const now = this.#now();
    const title = input.title?.trim() ?? '';
    this.#db
      .prepare(
        `INSERT INTO conversations (id, title, title_source, created_at, updated_at, provider_id, model, options)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(randomUUID(), title, title ? 'user' : 'auto', now, now, input.providerId ?? null, input.model ?? null, JSON.stringify(input.options ?? {}));
    const row = this.#db.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE seq = last_insert_rowid()`).get() as unknown as ConversationRow;
    return toConversation(row);
  }

  /** Includes soft-deleted conversations, so an Undo toast can still show the title. */
  get(id: string): ConversationSummary | null {
    const row = this.#db.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ?`).get(id) as ConversationRow | undefined;
    return row ? toConversation(row) : null;
  }

  require(id: string): ConversationSummary {
    const c = this.get(id);
    if (!c) throw new StoreNotFoundError('conversation', id);
    return c;
  }

  /** Sidebar order: pinned first, then most recently active. Keyset-paged so deep pages stay fast. */
  list(opts: { limit?: number; after?: string | null } = {}): ConversationPage {
    const limit = Math.max(1, Math.min(opts.limit ?? 50, 500));
    const cursor = opts.after ? decodeCursor(opts.after) : null;
    const where = cursor ? 'AND (pinned, updated_at, seq) < (?, ?, ?)' : '';
    const rows = this.#db
      .prepare(
        `SELECT ${CONVERSATION_COLUMNS}, seq FROM conversations
         WHERE deleted_at IS NULL ${where}
         ORDER BY pinned DESC, updated_at DESC, seq DESC LIMIT ?`,
      )
      .all(...(cursor ? [cursor.pinned, cursor.updatedAt, cursor.seq] : []), limit + 1) as unknown as Array<ConversationRow & { seq: number }>;
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1);
    return {
      items: page.map(toConversation),
      nextCursor: more && last ? `${last.pinned}:${last.updated_at}:${last.seq}` : null,
    };
  }

  rename(id: string, title: string): ConversationSummary {
    const clean = title.trim();
    if (!clean) throw new Error('A conversation title cannot be empty');
    this.#update(id, 'title = ?, title_source = ?', [clean, 'user']);
    return this.require(id);
  }

  /** For generated titles: never overwrites one the user typed. Returns whether it applied. */
  setAutoTitle(id: string, title: string): boolean {
    const clean = title.trim();
    if (!clean) return false;
    const r = this.#db.prepare(`UPDATE conversations SET title = ? WHERE id = ? AND title_source = 'auto'`).run(clean, id);
    return Number(r.changes) > 0;
  }

  setPinned(id: string, pinned: boolean): ConversationSummary {
    this.#update(id, 'pinned = ?', [pinned ? 1 : 0]);
    return this.require(id);
  }

  setSystemPrompt(id: string, systemPrompt: string): ConversationSummary {
    this.#update(id, 'system_prompt = ?', [systemPrompt]);
    return this.require(id);
  }

  setModel(id: string, providerId: string | null, model: string | null, options: GenerationOptions = {}): ConversationSummary {
    this.#update(id, 'provider_id = ?, model = ?, options = ?', [providerId, model, JSON.stringify(options)]);
    return this.require(id);
  }

  /** Hides the conversation everywhere; `undoDelete` brings it back unchanged. */
  softDelete(id: string): void {
    this.#update(id, 'deleted_at = ?', [this.#now()]);
  }

  undoDelete(id: string): ConversationSummary {
    this.#update(id, 'deleted_at = NULL', []);
    return this.require(id);
  }

  /**
   * Removes for good what was soft-deleted before `before` (ms), with its messages, index entries
   * and the files no other message uses, and scrubs their text from the file and the WAL.
   * `limit` erases at most that many conversations, oldest deletion first, so a caller can give
   * other work a turn between them: the search index's secure delete costs time per message.
   */
  /**
   * Erases every conversation deleted before `before`, all at once (tests, the benchmark). The app
   * goes step by step (`eraseStep`), with turns for other work in between.
   */
  purgeDeleted(before: number): number {
    let erased = 0;
    for (;;) {
      const step = this.#eraser.step(before);
      erased += step.erased;
      if (!step.more) return erased;
    }
  }

  /** One bounded piece of that work (erase-deleted.ts). */
  eraseStep(before: number): EraseStep {
    return this.#eraser.step(before);
  }

  /** Marks activity, which moves the conversation to the top of its group. */
  touch(id: string): void {
    this.#db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?').run(this.#now(), id);
  }

  // Settings changes (rename, pin, delete) are not activity: updated_at stays, so the
  // conversation does not jump between date groups; only messages move it (see `touch`).
  #update(id: string, set: string, params: Array<string | number | null>): void {
    const r = this.#db.prepare(`UPDATE conversations SET ${set} WHERE id = ?`).run(...params, id);
    if (Number(r.changes) === 0) throw new StoreNotFoundError('conversation', id);
  }
}

function decodeCursor(cursor: string): { pinned: number; updatedAt: number; seq: number } {
  const [p, u, s] = cursor.split(':').map(Number);
  if (p === undefined || u === undefined || s === undefined || [p, u, s].some((n) => !Number.isFinite(n))) {
    throw new Error(`Invalid conversation list cursor: ${cursor}`);
  }
  return { pinned: p, updatedAt: u, seq: s };
}
