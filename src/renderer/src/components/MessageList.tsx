import { useLayoutEffect, useRef } from 'react';
import type { ChatItem } from '../store/chat-store';
import { MessageItem } from './MessageItem';

interface Props {
  items: readonly ChatItem[];
  onCommit(): void;
  onStop(id: string): void;
  onRetry(id: string): void;
}

export function MessageList({ items, onCommit, onStop, onRetry }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  // After each commit: acknowledge the applied reply messages (credit back to main) and keep
  // following the stream, but only while the reader is at the bottom.
  useLayoutEffect(() => {
    onCommit();
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [items, onCommit]);

  return (
    <div
      className="message-list"
      ref={scroller}
      role="log"
      aria-label="Conversation"
      onScroll={(event) => {
        const el = event.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {items.length === 0 && <p className="empty">Ask anything. Replies stream straight from your provider.</p>}
      {items.map((item) => (
        <MessageItem key={item.id} item={item} onStop={onStop} onRetry={onRetry} />
      ))}
    </div>
  );
}
