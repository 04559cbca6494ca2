import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { JumpToLatest } from './JumpToLatest';
import type { ChatItem, ChatStore } from './store/chat-store';
import { MessageBoundary } from './MessageBoundary';
import { MessageItem, type MessageActions } from './MessageItem';
import { clearMatches, findMatches, revealRange, showMatches } from './search-marks';
import type { Term } from '../../../shared/search-terms';

/** A search pick: a new object for each pick, so picking the same hit again scrolls to it again. */
export interface FocusRequest {
  messageId: string;
  /** The searched words: marked in the message, and the view goes to the first one. */
  terms?: readonly Term[];
}

interface Props {
  conversationId: string | null;
  items: readonly ChatItem[];
  streaming: boolean;
  actions: MessageActions;
  onCommit(): void;
  /** Scroll this message into view once (search results). */
  focus?: FocusRequest | null;
}

/** Within this many pixels of the bottom, the reader is "at the bottom" and the view follows. */
const PIN_SLACK_PX = 32;
/** Messages rendered when a conversation opens: enough for any screen, cheap enough for one frame. */
const FIRST_SCREEN = 16;
/** Older messages revealed each time the reader nears the top. */
const REVEAL_STEP = 40;

export function MessageList({ conversationId, items, streaming, actions, onCommit, focus = null }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const stack = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  // Mirrors `pinned` for rendering the jump-to-latest button; set only when it changes.
  const [atBottom, setAtBottom] = useState(true);
  const shownCount = useRef(items.length);
  // Long conversations render their newest messages first; older ones appear as the reader
  // scrolls up, so opening 2,000 messages costs about as much as opening 20. The window belongs
  // to one conversation: another one starts from its own newest messages, in the same render.
  // The span remembers its first message too: older messages read in behind the newest ones
  // arrive above it, and the same messages stay rendered.
  const latestItems = useRef(items);
  latestItems.current = items;
  const spanAt = (from: number) => ({ conversationId, from, key: latestItems.current[from]?.key ?? null });
  const [span, setSpan] = useState(() => spanAt(Math.max(0, items.length - FIRST_SCREEN)));
  let renderFrom = span.from;
  if (span.conversationId !== conversationId) {
    renderFrom = Math.max(0, items.length - FIRST_SCREEN);
    setSpan(spanAt(renderFrom));
    pinned.current = true;
    setAtBottom(true);
  } else if (span.key !== null && items[renderFrom]?.key !== span.key) {
    const moved = items.findIndex((item) => item.key === span.key);
    if (moved >= 0) {
      renderFrom = moved;
      setSpan(spanAt(moved));
    }
  }
  const setRenderFrom = (from: number) => setSpan(spanAt(from));
  const keepBottomOffset = useRef<number | null>(null);
  // The pick already scrolled to: later commits (a streamed reply) must not pull the view back.
  const focused = useRef<FocusRequest | null>(null);
  const focusMessageId = focus?.messageId ?? null;
  const focusPending = focus !== null && focused.current !== focus;

  const focusIndex = focusMessageId ? items.findIndex((item) => item.id === focusMessageId) : -1;
  const from = Math.min(renderFrom, focusIndex >= 0 ? Math.max(0, focusIndex - 4) : renderFrom, Math.max(0, items.length - FIRST_SCREEN));

  // After each commit: acknowledge the applied reply messages (credit back to main) and keep
  // following the stream, but only while the reader is at the bottom.
  useLayoutEffect(() => {
    onCommit();
    const el = scroller.current;
    // A message the user just sent is always brought into view, wherever they were reading.
    const added = items.slice(shownCount.current);
    shownCount.current = items.length;
    if (added.some((item) => item.role === 'user' && item.id.startsWith('tmp-'))) {
      pinned.current = true;
      setAtBottom(true);
    }
    if (!el) return;
    if (keepBottomOffset.current !== null) {
      // Older messages were added above: keep what the reader was looking at where it was.
      el.scrollTop = el.scrollHeight - keepBottomOffset.current;
      keepBottomOffset.current = null;
    } else if (pinned.current && !focusPending) {
      el.scrollTop = el.scrollHeight;
    }
  }, [items, from, onCommit, focusPending]);

  // The message whose matched words are marked, once the view has gone to it.
  const [marked, setMarked] = useState<{ terms: readonly Term[]; target: Element } | null>(null);
  const focusRef = useRef(focus);
  focusRef.current = focus;
  // Blocks change height after they are laid out (off-screen blocks get their real size, code is
  // highlighted, math typeset): at the bottom, stay at the bottom, so a conversation opens on its
  // latest message and the end of a reply is never left just below the view.
  useEffect(() => {
    const el = scroller.current;
    const content = stack.current;
    if (!el || !content) return;
    const observer = new ResizeObserver(() => {
      if (pinned.current && focused.current === focusRef.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  const jumpToLatest = () => {
    const el = scroller.current;
    if (!el) return;
    pinned.current = true;
    setAtBottom(true);
    el.scrollTop = el.scrollHeight;
  };

  useLayoutEffect(() => {
    if (!focus || !focusPending) return;
    // The picked conversation may not have loaded yet: wait for the commit that shows the message.
    const target = scroller.current?.querySelector(`[data-message-id="${CSS.escape(focus.messageId)}"]`);
    if (target) {
      focused.current = focus;
      pinned.current = false;
      setAtBottom(false);
      target.scrollIntoView({ block: 'center' });
      const ranges = focus.terms ? findMatches(target.querySelector('.message-text') ?? target, focus.terms) : [];
      showMatches(ranges);
      if (ranges[0] && scroller.current) revealRange(scroller.current, ranges[0]);
      setMarked(focus.terms ? { terms: focus.terms, target } : null);
    }
  }, [focus, focusPending, items]);

  // Code highlighting and other upgrades replace the text nodes the marks stood on: mark again.
  useEffect(() => {
    if (!marked) return;
    const { terms, target } = marked;
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => showMatches(findMatches(target.querySelector('.message-text') ?? target, terms)));
    });
    observer.observe(target, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearMatches();
    };
  }, [marked]);
  // Another conversation or an ordinary open: the marks go.
  if (marked && focus?.terms !== marked.terms) setMarked(null);

  useEffect(() => {
    const el = scroller.current;
    const top = sentinel.current;
    if (!el || !top || from === 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        keepBottomOffset.current = el.scrollHeight - el.scrollTop;
        setRenderFrom(Math.max(0, from - REVEAL_STEP));
      },
      { root: el, rootMargin: '600px 0px 0px 0px' },
    );
    observer.observe(top);
    return () => observer.disconnect();
  }, [from]);

  // The newest message of each role answers the Edit-last and Regenerate commands.
  const lastUserId = items.findLast((item) => item.role === 'user')?.id;
  const lastReplyId = items.findLast((item) => item.role === 'assistant')?.id;

  return (
    <div className="message-pane">
      <div
        className="message-list"
        ref={scroller}
        role="log"
        aria-label="Conversation"
        onScroll={(event) => {
          const el = event.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < PIN_SLACK_PX;
          setAtBottom(pinned.current);
        }}
      >
        <div className="message-stack" ref={stack}>
          {from > 0 && <div ref={sentinel} className="older-messages" aria-hidden="true" />}
          {items.length === 0 && <p className="empty">Ask anything. Replies stream straight from your provider.</p>}
          {items.slice(from).map((item) => (
            <MessageBoundary key={item.key} item={item}>
              <MessageItem item={item} actions={actions} busy={streaming} found={item.id === focusMessageId} last={item.id === lastUserId || item.id === lastReplyId} />
            </MessageBoundary>
          ))}
        </div>
      </div>
      {!atBottom && items.length > 0 && <JumpToLatest arriving={streaming} onJump={jumpToLatest} />}
    </div>
  );
}

/** The list bound to the chat store: the one component that re-renders on each frame of a reply. */
export function LiveMessageList({ store, actions, focus }: { store: ChatStore; actions: MessageActions; focus?: FocusRequest | null }) {
  const chat = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return (
    <MessageList conversationId={chat.conversationId} items={chat.items} streaming={chat.streaming} actions={actions} onCommit={store.committed} focus={focus} />
  );
}
