import { useLayoutEffect, useRef } from 'react';
import type { ChatItem } from '../store/chat-store';
import { MessageItem, type MessageActions } from './MessageItem';

interface Props {
  items: readonly ChatItem[];
  streaming: boolean;
  actions: MessageActions;
  onCommit(): void;
  /** Scroll this message into view once (search results). */
  focusMessageId?: string | null;
}

/** Within this many pixels of the bottom, the reader is "at the bottom" and the view follows. */
const PIN_SLACK_PX = 32;

export function MessageList({ items, streaming, actions, onCommit, focusMessageId }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  // After each commit: acknowledge the applied reply messages (credit back to main) and keep
  // following the stream, but only while the reader is at the bottom.
  useLayoutEffect(() => {
    onCommit();
    const el = scroller.current;
    if (el && pinned.current && !focusMessageId) el.scrollTop = el.scrollHeight;
  }, [items, onCommit, focusMessageId]);

  useLayoutEffect(() => {
    if (!focusMessageId) return;
    const target = scroller.current?.querySelector(`[data-message-id="${CSS.escape(focusMessageId)}"]`);
    if (target) {
      pinned.current = false;
      target.scrollIntoView({ block: 'center' });
    }
  }, [focusMessageId, items]);

  return (
    <div
      className="message-list"
      ref={scroller}
      role="log"
      aria-label="Conversation"
      onScroll={(event) => {
        const el = event.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < PIN_SLACK_PX;
      }}
    >
      {items.length === 0 && <p className="empty">Ask anything. Replies stream straight from your provider.</p>}
      {items.map((item) => (
        <MessageItem key={item.key} item={item} actions={actions} busy={streaming} found={item.id === focusMessageId} />
      ))}
    </div>
  );
}
