// Erases deleted conversations once their Undo window has passed. At start every conversation
// still marked deleted is erased (its window closed with the app); after each delete, a timer
// erases it a little after the window, so a late Undo click can never race the erase.
import { UNDO_WINDOW_MS } from '../../shared/conversations';
import type { Store } from '../store/store';

const GRACE_MS = 5_000;

export interface DeletePurger {
  /** Call after a soft delete. */
  deleted(): void;
  close(): void;
}

export function startDeletePurger(current: () => Store, windowMs = UNDO_WINDOW_MS, now: () => number = Date.now): DeletePurger {
  const timers = new Set<NodeJS.Timeout>();
  const purge = (before: number) => {
    try {
      current().conversations.purgeDeleted(before);
    } catch (error) {
      // The next delete or start tries again; the conversation stays hidden meanwhile.
      console.error('Could not erase deleted conversations:', (error as Error).message);
    }
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
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
