// Keeps a streaming reply's row close to what the user has seen, without a write per token.
import type { ReplyOutcome } from '../../shared/chat';
import type { MessageNode } from '../../shared/conversations';
import type { Db } from './database.ts';

export interface CheckpointOptions {
  /** Minimum time between two writes while streaming. */
  intervalMs?: number;
  now?: () => number;
}

/** Writes the final row; supplied by the repository that owns the row. */
export type FinishWriter = (outcome: ReplyOutcome, text: string, reasoning: string) => MessageNode;

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 500;

/** A reply's text so far, read only when a write is due (a streaming sender joins it lazily). */
export interface ReplyTextSource {
  text(): string;
  reasoning(): string;
}

/**
 * Created by `messages.beginAssistant` / `messages.regenerate` once the row exists in state
 * 'streaming'. `update` is meant to be called on every delta: it only remembers the text and
 * writes when the interval has passed, plus once more after the stream goes quiet, so a crash
 * loses at most one interval of text.
 */
export class ReplyCheckpointer {
  readonly messageId: string;
  readonly conversationId: string;
  /** Number of row writes so far, finish included; lets tests and the benchmark see the throttle. */
  writes = 0;

  readonly #db: Db;
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #onFinish: FinishWriter;
  #text = '';
  #reasoning = '';
  #source: ReplyTextSource | null = null;
  #dirty = false;
  #lastWrite: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #finished = false;

  constructor(
    db: Db,
    ids: { messageId: string; conversationId: string },
    onFinish: FinishWriter,
    opts: CheckpointOptions = {},
  ) {
    this.#db = db;
    this.messageId = ids.messageId;
    this.conversationId = ids.conversationId;
    this.#onFinish = onFinish;
    this.#intervalMs = opts.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    this.#now = opts.now ?? Date.now;
    this.#lastWrite = this.#now();
  }

  get finished(): boolean {
    return this.#finished;
  }

  /** Full text so far (not a delta): the caller already accumulates it for display. */
  update(textSoFar: string, reasoningSoFar = ''): void {
    if (this.#finished) return;
    this.#text = textSoFar;
    this.#reasoning = reasoningSoFar;
    this.#source = null;
    this.#changed();
  }

  /**
   * Like `update`, for a caller whose text is costly to join: `source` is read only when a
   * write happens, so calling this on every token costs no string work.
   */
  updateFrom(source: ReplyTextSource): void {
    if (this.#finished) return;
    this.#source = source;
    this.#changed();
  }

  #changed(): void {
    this.#dirty = true;
    const wait = this.#lastWrite + this.#intervalMs - this.#now();
    if (wait <= 0) {
      this.flush();
    } else if (!this.#timer) {
      // Covers a stream that stalls right after a burst: the tail still reaches disk.
      this.#timer = setTimeout(() => {
        this.#timer = null;
        try {
          this.flush();
        } catch {
          // Nobody to tell from a timer (the store may have closed); the next update or
          // finish writes the same text again and reports its own failure.
        }
      }, wait);
      this.#timer.unref?.();
    }
  }

  /** Writes now if anything changed since the last write. */
  flush(): void {
    if (this.#finished || !this.#dirty) return;
    const text = this.#source?.text() ?? this.#text;
    const reasoning = this.#source?.reasoning() ?? this.#reasoning;
    this.#db
      .prepare('UPDATE messages SET text = ?, reasoning = ?, updated_at = ? WHERE id = ?')
      .run(text, reasoning, this.#now(), this.messageId);
    this.#dirty = false;
    this.#lastWrite = this.#now();
    this.writes++;
  }

  /** Final write with the outcome; `textSoFar` defaults to the last `update` (or source). */
  finish(outcome: ReplyOutcome, textSoFar?: string, reasoningSoFar?: string): MessageNode {
    if (this.#finished) throw new Error(`Reply ${this.messageId} is already finished`);
    this.#text = textSoFar ?? this.#source?.text() ?? this.#text;
    this.#reasoning = reasoningSoFar ?? this.#source?.reasoning() ?? this.#reasoning;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#finished = true;
    this.writes++;
    return this.#onFinish(outcome, this.#text, this.#reasoning);
  }
}
