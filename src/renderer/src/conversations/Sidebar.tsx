import { useEffect, useMemo, useState } from 'react';
import { groupConversations, type ConversationSummary } from '../../../shared/conversations';
import type { ReplyMark as Mark } from '../store/replies-store';
import { ReplyMark } from './ReplyMark';
import { keepOnly, toggleSelected, useSelection } from './selection';

interface Props {
  conversations: ConversationSummary[];
  activeId: string | null;
  /** Conversations whose reply streams, or ended while the user was elsewhere. */
  replyMarks?: ReadonlyMap<string, Mark>;
  onOpen(id: string): void;
  onNew(): void;
  onRename(id: string, title: string): Promise<void>;
  onPin(id: string, pinned: boolean): Promise<void>;
  onDelete(id: string): Promise<void>;
}

export function Sidebar({ conversations, activeId, replyMarks, onOpen, onNew, onRename, onPin, onDelete }: Props) {
  const groups = useMemo(() => groupConversations(conversations, Date.now()), [conversations]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const selected = useSelection();
  useEffect(() => keepOnly(new Set(conversations.map((c) => c.id))), [conversations]);

  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="primary new-chat" onClick={onNew}>New chat</button>
      {conversations.length === 0 && <p className="sidebar-empty">Your conversations will appear here.</p>}
      {groups.map((group) => (
        <section key={group.label} aria-label={group.label}>
          <h2 className="group-label">{group.label}</h2>
          <ul>
            {group.conversations.map((c) => (
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
                  <button type="button" className="conversation-title" aria-current={c.id === activeId ? 'page' : undefined} title="Ctrl+click to select several for export"
                    data-selected={selected.includes(c.id) || undefined}
                    onClick={(event) => (event.ctrlKey || event.metaKey ? toggleSelected(c.id) : onOpen(c.id))} onDoubleClick={() => setRenaming(c.id)}>
                    {c.title || 'New chat'}
                  </button>
                )}
                <ReplyMark mark={replyMarks?.get(c.id)} />
                <span className="conversation-actions">
                  <button type="button" className="icon-button" aria-label={c.pinned ? `Unpin ${c.title}` : `Pin ${c.title}`} aria-pressed={c.pinned} onClick={() => void onPin(c.id, !c.pinned)}>
                    {c.pinned ? '★' : '☆'}
                  </button>
                  <button type="button" className="icon-button" aria-label={`Rename ${c.title}`} onClick={() => setRenaming(c.id)}>✎</button>
                  <button type="button" className="icon-button" aria-label={`Delete ${c.title}`} onClick={() => void onDelete(c.id)}>✕</button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
