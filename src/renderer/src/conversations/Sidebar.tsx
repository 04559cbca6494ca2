import { Pencil, Search, X, Server, Settings, SquarePen, Star, StarOff, Trash2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { groupConversations, type ConversationSummary } from '../../../shared/conversations';
import { IconButton } from '../shell/IconButton';
import { shortcutHint } from '../shell/shortcut-hint';
import type { ReplyMark as Mark } from './reply-mark-state';
import { ReplyMark } from './ReplyMark';
import { useDeletedSlot } from './deleted-slot';
import { keepOnly, toggleSelected, useSelection } from './selection';

interface Props {
  conversations: ConversationSummary[];
  activeId: string | null;
  /** Conversations whose reply streams, or ended while the user was elsewhere. */
  replyMarks?: ReadonlyMap<string, Mark>;
  onOpen(id: string): void;
  onNew(): void;
  onSearch(): void;
  onProviders(): void;
  onSettings(): void;
  onRename(id: string, title: string): Promise<void>;
  onPin(id: string, pinned: boolean): Promise<void>;
  onDelete(id: string): Promise<void>;
  /** Brings a just-deleted conversation back (the Undo in its held slot). */
  onUndoDelete?(id: string): void;
  /** Lying over the chat (narrow windows) rather than docked beside it. */
  overlay?: boolean;
  /** Closes the overlay sidebar (phone widths), where the toggle may be hidden under it. */
  onClose?(): void;
  /** The Rename command: a new object each time asks to rename that row. */
  renameRequest?: { id: string } | null;
}

export function Sidebar({ conversations, activeId, replyMarks, onOpen, onNew, onSearch, onProviders, onSettings, onRename, onPin, onDelete, overlay = false, renameRequest = null, onClose, onUndoDelete }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const slot = useDeletedSlot(conversations, list);
  const groups = useMemo(() => groupConversations(slot.list, Date.now()), [slot.list]);
  const [renaming, setRenaming] = useState<string | null>(null);
  useEffect(() => {
    if (renameRequest) setRenaming(renameRequest.id);
  }, [renameRequest]);
  const selected = useSelection();
  useEffect(() => keepOnly(new Set(conversations.map((c) => c.id))), [conversations]);
  // The list is one Tab stop (a roving tabindex): arrows move between conversations, Enter opens,
  // F2 renames, Delete deletes; the row buttons stay for the pointer.
  const [focusId, setFocusId] = useState<string | null>(null);
  const order = groups.flatMap((g) => g.conversations.map((c) => c.id)).filter((id) => id !== slot.heldId);
  const roving = [focusId, activeId, order[0]].find((id) => id && order.includes(id)) ?? null;

  const onRowKey = (event: KeyboardEvent, c: ConversationSummary) => {
    const at = order.indexOf(c.id);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: order.length - 1 }[event.key];
    if (to !== undefined) {
      const id = order[Math.max(0, Math.min(order.length - 1, to))];
      if (id) {
        setFocusId(id);
        list.current?.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(id)}"]`)?.focus();
      }
    } else if (event.key === 'F2') setRenaming(c.id);
    else if (event.key === 'Delete') {
      setFocusId(order[at + 1] ?? order[at - 1] ?? null);
      void onDelete(c.id);
    } else return;
    event.preventDefault();
  };

  return (
    <nav id="conversation-sidebar" className={`sidebar${overlay ? ' overlay-sidebar' : ''}`} aria-label="Conversations">
      <div className="sidebar-top">
        <button type="button" className="new-chat" onClick={onNew} data-tip={shortcutHint('new-chat')} data-tip-align="start">
          <SquarePen aria-hidden="true" focusable="false" />
          New chat
        </button>
        <IconButton icon={Search} label="Search conversations" shortcut={shortcutHint('search')} tipAlign="end" onClick={onSearch} />
        {overlay && onClose && <IconButton icon={X} label="Close conversations" shortcut="Esc" tipAlign="end" onClick={onClose} />}
      </div>
      <div className="sidebar-list" ref={list} onPointerLeave={slot.release}>
        {conversations.length === 0 && <p className="sidebar-empty">Your conversations will appear here.</p>}
        {groups.map((group) => (
          <section key={group.label} aria-label={group.label}>
            <h2 className="group-label">{group.label}</h2>
            <ul>
              {group.conversations.map((c) => slot.heldId === c.id ? (
                <li key={c.id} className="conversation deleted-slot">
                  {/* The slot is narrow (the toast names the title in full); a screen reader hears it here too. */}
                  <span className="conversation-name">Deleted<span className="visually-hidden"> “{c.title || 'New chat'}”</span></span>
                  {onUndoDelete && <button type="button" className="link-button" aria-label="Undo delete" onClick={() => onUndoDelete(c.id)}>Undo</button>}
                </li>
              ) : (
                <li key={c.id} className={`conversation${c.id === activeId ? ' active' : ''}${selected.includes(c.id) ? ' selected' : ''}`}>
                  {renaming === c.id ? (
                    <form
                      onSubmit={(event) => {
                        event.preventDefault();
                        const title = new FormData(event.currentTarget).get('title');
                        void onRename(c.id, String(title ?? '')).then(() => setRenaming(null));
                      }}
                    >
                      <input name="title" aria-label="New title" defaultValue={c.title} autoFocus onBlur={() => setRenaming(null)}
                        onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)} />
                    </form>
                  ) : (
                    <button
                      type="button"
                      className="conversation-title"
                      title={`${c.title || 'New chat'} — Ctrl+click to select several for export`}
                      data-selected={selected.includes(c.id) || undefined}
                      data-conversation-id={c.id}
                      tabIndex={c.id === roving ? 0 : -1}
                      aria-current={c.id === activeId ? 'page' : undefined}
                      aria-keyshortcuts="F2 Delete"
                      onClick={(event) => (event.ctrlKey || event.metaKey ? toggleSelected(c.id) : onOpen(c.id))}
                      onDoubleClick={() => setRenaming(c.id)}
                      onFocus={() => setFocusId(c.id)}
                      onKeyDown={(event) => onRowKey(event, c)}
                    >
                      {c.pinned && <Star className="pin-mark" aria-label="Pinned" />}
                      <span className="conversation-name">{c.title || 'New chat'}</span>
                    </button>
                  )}
                  <ReplyMark mark={replyMarks?.get(c.id)} />
                  <span className="conversation-actions">
                    <IconButton icon={c.pinned ? StarOff : Star} label={c.pinned ? `Unpin ${c.title}` : `Pin ${c.title}`} data-tip={c.pinned ? 'Unpin' : 'Pin'} aria-pressed={c.pinned} tipAlign="end" tabIndex={-1} onClick={() => void onPin(c.id, !c.pinned)} />
                    <IconButton icon={Pencil} label={`Rename ${c.title}`} data-tip="Rename (F2)" tipAlign="end" tabIndex={-1} onClick={() => setRenaming(c.id)} />
                    <IconButton icon={Trash2} label={`Delete ${c.title}`} data-tip="Delete (Del)" tipAlign="end" tabIndex={-1} onClick={() => {
                      slot.hold(c);
                      void onDelete(c.id);
                    }} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="sidebar-bottom">
        <button type="button" className="sidebar-link" onClick={onProviders}>
          <Server aria-hidden="true" focusable="false" />
          Providers
        </button>
        <button type="button" className="sidebar-link" onClick={onSettings}>
          <Settings aria-hidden="true" focusable="false" />
          Settings
        </button>
      </div>
    </nav>
  );
}
