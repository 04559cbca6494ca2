// Erases deleted conversations once their Undo window has passed. At start every conversation
// still marked deleted is erased (its window closed with the app); after each delete, a timer
// erases it a little after the window, so a late Undo click can never race the erase.
// Erasing goes in bounded steps (a conversation, a batch of them, a slice of the search index's
// merge: store/erase-deleted.ts) with a turn for other work in between: a user who deleted many
// conversations at once must not find the app frozen while they go.
import { UNDO_WINDOW_MS } from '../../shared/conversations';
import type { Store } from '../store/store';

const GRACE_MS = 5_000;

export interface DeletePurger {
  /** Call after a soft delete. */
  deleted(): void;
  /** Settles when nothing is waiting to be erased (for tests and a clean stop). */
  idle(): Promise<void>;
  close(): void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function startDeletePurger(current: () => Store, windowMs = UNDO_WINDOW_MS, now: () => number = Date.now): DeletePurger {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  let pendingBefore = -Infinity;
  let running: Promise<void> = Promise.resolve();

  const eraseStep = (before: number): boolean => {
    try {
      return current().conversations.eraseStep(before).more;
    } catch (error) {
      // The next delete or start tries again; the conversation stays hidden meanwhile.
      console.error('Could not erase deleted conversations:', (error as Error).message);
      return false;
    }
  };

  const drain = async (): Promise<void> => {
    while (!closed && pendingBefore > -Infinity) {
      const before = pendingBefore;
      if (!eraseStep(before)) {
        // Done up to `before`, unless a later request raised the bar meanwhile.
        if (pendingBefore === before) pendingBefore = -Infinity;
        continue;
      }
      await nextTurn();
    }
  };

  const purge = (before: number) => {
    const idleBefore = pendingBefore === -Infinity;
    pendingBefore = Math.max(pendingBefore, before);
    // The first erase runs now (at start, before anything is served); the rest take turns.
    if (idleBefore) running = drain();
  };

  purge(Number.MAX_SAFE_INTEGER);
  return {
    deleted() {
      const timer = setTimeout(() => {
        timers.delete(timer);
        purge(now() - windowMs);
      }, windowMs + GRACE_MS);
      timer.unref();
      timers.add(timer);
    },
    idle: () => running,
    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
