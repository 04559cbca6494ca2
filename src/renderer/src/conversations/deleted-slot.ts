// After a pointer deletes a row, the row's slot stays (as an Undo line) until the pointer leaves
// the list: otherwise the next row slides up and a double click, or a second click meant for the
// same row, lands on that row's Delete button.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { type ConversationSummary, UNDO_WINDOW_MS } from '../../../shared/conversations';

interface Held {
  conversation: ConversationSummary;
  index: number;
}

/** How long the slot may stay with no pointer movement over the list, in case a leave went unseen. */
export const SLOT_IDLE_MS = 8_000;

export function useDeletedSlot(conversations: ConversationSummary[], list: RefObject<HTMLElement | null>) {
  const [held, setHeld] = useState<Held | null>(null);
  const release = useCallback(() => setHeld(null), []);
  const present = held !== null && conversations.some((c) => c.id === held.conversation.id);

  // Gone for good once the undo window closes; no slot for a conversation that came back.
  useEffect(() => {
    if (!held) return;
    const timer = setTimeout(release, UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [held, release]);
  useLeaveWatch(held !== null, list, release);
  // The list still holds the row for a moment after Delete is clicked; only its return counts.
  const seenGone = useRef(false);
  useEffect(() => {
    if (!held) seenGone.current = false;
    else if (!present) seenGone.current = true;
    else if (seenGone.current) release();
  }, [held, present, release]);

  const drawn = useMemo(
    () => (held && !present ? [...conversations.slice(0, held.index), held.conversation, ...conversations.slice(held.index)] : conversations),
    [conversations, held, present],
  );

  return {
    /** The list to draw: the deleted conversation back in its place while the slot is held. */
    list: drawn,
    /** The id whose row is drawn as "Deleted · Undo". */
    heldId: held && !present ? held.conversation.id : null,
    hold: (conversation: ConversationSummary) => {
      seenGone.current = false;
      setHeld({ conversation, index: Math.max(0, conversations.findIndex((c) => c.id === conversation.id)) });
    },
    release,
  };
}

// The list's own pointerleave is not enough: Chromium computes leave events from the element last
// under the pointer, and when that element (the clicked Delete button) has been removed by the time
// the pointer moves on, no ancestor — the list included — hears a leave. So the document is
// watched instead: a move that lands outside the list's box, the pointer leaving the window, or a
// long still spell all close the slot. (Not focus: deleting the open conversation moves focus to
// the composer by itself while the pointer is still on the slot.)
function useLeaveWatch(active: boolean, list: RefObject<HTMLElement | null>, release: () => void) {
  useEffect(() => {
    if (!active) return;
    let idle = setTimeout(release, SLOT_IDLE_MS);
    const outside = (x: number, y: number) => {
      const box = list.current?.getBoundingClientRect();
      return !box || x < box.left || x >= box.right || y < box.top || y >= box.bottom;
    };
    const onMove = (event: PointerEvent) => {
      if (outside(event.clientX, event.clientY)) return release();
      clearTimeout(idle);
      idle = setTimeout(release, SLOT_IDLE_MS);
    };
    const onOut = (event: PointerEvent) => event.relatedTarget === null && release();
    document.addEventListener('pointermove', onMove, true);
    document.addEventListener('pointerout', onOut, true);
    window.addEventListener('blur', release);
    return () => {
      clearTimeout(idle);
      document.removeEventListener('pointermove', onMove, true);
      document.removeEventListener('pointerout', onOut, true);
      window.removeEventListener('blur', release);
    };
  }, [active, list, release]);
}
