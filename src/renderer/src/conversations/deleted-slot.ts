// After a pointer deletes a row, the row's slot stays (as an Undo line) until the pointer leaves
// the list: otherwise the next row slides up and a double click, or a second click meant for the
// same row, lands on that row's Delete button.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ConversationSummary, UNDO_WINDOW_MS } from '../../../shared/conversations';

interface Held {
  conversation: ConversationSummary;
  index: number;
}

export function useDeletedSlot(conversations: ConversationSummary[]) {
  const [held, setHeld] = useState<Held | null>(null);
  const release = useCallback(() => setHeld(null), []);
  const present = held !== null && conversations.some((c) => c.id === held.conversation.id);

  // Gone for good once the undo window closes; no slot for a conversation that came back.
  useEffect(() => {
    if (!held) return;
    const timer = setTimeout(release, UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [held, release]);
  // The list still holds the row for a moment after Delete is clicked; only its return counts.
  const seenGone = useRef(false);
  useEffect(() => {
    if (!held) seenGone.current = false;
    else if (!present) seenGone.current = true;
    else if (seenGone.current) release();
  }, [held, present, release]);

  const list = useMemo(
    () => (held && !present ? [...conversations.slice(0, held.index), held.conversation, ...conversations.slice(held.index)] : conversations),
    [conversations, held, present],
  );

  return {
    /** The list to draw: the deleted conversation back in its place while the slot is held. */
    list,
    /** The id whose row is drawn as "Deleted · Undo". */
    heldId: held && !present ? held.conversation.id : null,
    hold: (conversation: ConversationSummary) => {
      seenGone.current = false;
      setHeld({ conversation, index: Math.max(0, conversations.findIndex((c) => c.id === conversation.id)) });
    },
    release,
  };
}
