import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ProviderView, SavedProvider } from '../../shared/contract';
import type { SearchHit } from '../../shared/conversations';
import { bridge } from './bridge';
import { Composer } from './components/Composer';
import type { MessageActions } from './components/MessageItem';
import { MessageList } from './components/MessageList';
import { ProviderForm } from './components/ProviderForm';
import { ConversationMenu } from './conversations/ConversationMenu';
import { SearchDialog } from './conversations/SearchDialog';
import { Sidebar } from './conversations/Sidebar';
import { UndoToast } from './conversations/UndoToast';
import { useConversations } from './conversations/use-conversations';
import { ChatStore } from './store/chat-store';

export function App() {
  const store = useMemo(() => new ChatStore(bridge), []);
  const chat = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const conversations = useConversations();
  const [providers, setProviders] = useState<ProviderView[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<'new' | 'current' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [focusMessageId, setFocusMessageId] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);

  const refreshProviders = useCallback(async () => {
    try {
      const list = await bridge.invoke('providers:list', undefined);
      setProviders(list);
      setSelectedId((current) => (current && list.some((p) => p.id === current) ? current : (list[0]?.id ?? null)));
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, []);

  useEffect(() => {
    void refreshProviders();
  }, [refreshProviders]);

  useEffect(() => {
    store.onConversationChanged = () => void conversations.refresh();
  }, [store, conversations.refresh]);

  const selected = providers?.find((p) => p.id === selectedId) ?? null;
  const target = useMemo(() => (selected ? { providerId: selected.id, model: selected.model } : null), [selected?.id, selected?.model]);

  const openConversation = useCallback(
    (id: string | null, messageId: string | null = null) => {
      setFocusMessageId(messageId);
      void store.open(id);
    },
    [store],
  );

  // When a conversation is opened, continue with the provider it last used, if it still exists.
  useEffect(() => {
    const conv = conversations.list.find((c) => c.id === chat.conversationId);
    if (conv?.providerId && providers?.some((p) => p.id === conv.providerId)) setSelectedId(conv.providerId);
  }, [chat.conversationId]);

  const actions: MessageActions = useMemo(
    () => ({
      stop: () => store.stop(),
      regenerate: (id) => target && store.regenerate(id, target),
      edit: (id, text) => (target ? store.edit(id, text, target) : 'Choose a provider first.'),
      switchBranch: (id, index) => void store.switchBranch(id, index),
    }),
    [store, target],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setSearching(true);
      } else if (mod && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        openConversation(null);
      } else if (event.key === 'Escape' && store.getSnapshot().streaming) {
        store.stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, openConversation]);

  const onSaved = (saved: SavedProvider) => {
    setEditing(null);
    setNotice(saved.notices.join(' ') || null);
    setSelectedId(saved.provider.id);
    void refreshProviders();
  };

  const onDelete = async (id: string) => {
    const title = conversations.list.find((c) => c.id === id)?.title ?? '';
    await bridge.invoke('conversations:delete', { id });
    setDeleted({ id, title });
    if (chat.conversationId === id) openConversation(null);
    await conversations.refresh();
  };

  if (loadError) return <main className="app"><p role="alert" className="form-error">{loadError}</p></main>;
  if (providers === null) return <main className="app" aria-busy="true" />;

  if (providers.length === 0 || editing) {
    return (
      <main className="app setup">
        {providers.length === 0 && (
          <header className="welcome">
            <h1>Welcome to Plume</h1>
            <p>Bring your own key, or point Plume at a local server. Keys stay in the app's main process, encrypted on disk.</p>
          </header>
        )}
        <ProviderForm
          key={editing === 'current' ? selected?.id : 'new'}
          existing={editing === 'current' ? (selected ?? undefined) : undefined}
          onSave={(input) => bridge.invoke('providers:save', input)}
          onSaved={onSaved}
          onCancel={providers.length > 0 ? () => setEditing(null) : undefined}
          onRemove={async (id) => {
            await bridge.invoke('providers:remove', { id });
            setEditing(null);
            await refreshProviders();
          }}
        />
      </main>
    );
  }

  return (
    <div className="layout">
      <Sidebar
        conversations={conversations.list}
        activeId={chat.conversationId}
        onOpen={(id) => openConversation(id)}
        onNew={() => openConversation(null)}
        onRename={async (id, title) => {
          await bridge.invoke('conversations:rename', { id, title }).catch((e: Error) => setNotice(e.message));
          await conversations.refresh();
        }}
        onPin={async (id, pinned) => {
          await bridge.invoke('conversations:pin', { id, pinned });
          await conversations.refresh();
        }}
        onDelete={onDelete}
      />
      <main className="app chat">
        <header className="toolbar">
          <label className="provider-picker">
            <span className="visually-hidden">Provider</span>
            <select aria-label="Provider" value={selectedId ?? ''} onChange={(e) => setSelectedId(e.target.value)}>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>{p.name} · {p.model}</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setEditing('current')} aria-label="Edit provider">Edit</button>
          <button type="button" onClick={() => setEditing('new')} aria-label="Add provider">Add provider</button>
          <button type="button" onClick={() => setSearching(true)} aria-label="Search conversations" title="Search (Ctrl+K)">Search</button>
          <ConversationMenu
            conversationId={chat.conversationId}
            onNotice={setNotice}
            onImported={() => void conversations.refresh()}
          />
        </header>
        {notice && <p className="notice" role="status">{notice}</p>}
        {chat.error && <p className="form-error" role="alert">{chat.error}</p>}
        <MessageList items={chat.items} streaming={chat.streaming} actions={actions} onCommit={store.committed} focusMessageId={focusMessageId} />
        <Composer
          streaming={chat.streaming}
          disabled={!target}
          onSend={(text) => (target ? store.send(text, target) : 'Choose a provider first.')}
          onStop={() => store.stop()}
        />
      </main>
      {searching && (
        <SearchDialog
          onClose={() => setSearching(false)}
          onPick={(hit: SearchHit) => {
            setSearching(false);
            openConversation(hit.conversationId, hit.messageId);
          }}
        />
      )}
      {deleted && (
        <UndoToast
          message={`Deleted “${deleted.title || 'New chat'}”.`}
          onUndo={async () => {
            await bridge.invoke('conversations:undoDelete', { id: deleted.id });
            setDeleted(null);
            await conversations.refresh();
          }}
          onDismiss={() => setDeleted(null)}
        />
      )}
    </div>
  );
}
