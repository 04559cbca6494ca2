import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ProviderView, SavedProvider } from '../../shared/contract';
import { bridge } from './bridge';
import { Composer } from './components/Composer';
import { MessageList } from './components/MessageList';
import { ProviderForm } from './components/ProviderForm';
import { ChatStore } from './store/chat-store';

export function App() {
  const store = useMemo(() => new ChatStore(bridge), []);
  const items = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [providers, setProviders] = useState<ProviderView[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<'new' | 'current' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await bridge.invoke('providers:list', undefined);
      setProviders(list);
      setSelectedId((current) => (current && list.some((p) => p.id === current) ? current : (list[0]?.id ?? null)));
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const selected = providers?.find((p) => p.id === selectedId) ?? null;
  const target = selected ? { providerId: selected.id, model: selected.model } : null;
  const streaming = items.some((item) => item.state === 'streaming');

  const onSaved = (saved: SavedProvider) => {
    setEditing(null);
    setNotice(saved.notices.join(' ') || null);
    setSelectedId(saved.provider.id);
    void refresh();
  };

  const onStop = useCallback((id: string) => store.stop(id), [store]);
  const onRetry = useCallback((id: string) => target && store.retry(id, target), [store, target?.providerId, target?.model]);

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
            await refresh();
          }}
        />
      </main>
    );
  }

  return (
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
        <button type="button" onClick={() => store.clear()} aria-label="New chat" disabled={items.length === 0}>New chat</button>
      </header>
      {notice && <p className="notice" role="status">{notice}</p>}
      <MessageList items={items} onCommit={store.committed} onStop={onStop} onRetry={onRetry} />
      <Composer
        streaming={streaming}
        disabled={!target}
        onSend={(text) => (target ? store.send(text, target) : 'Choose a provider first.')}
        onStop={() => store.stopAll()}
      />
    </main>
  );
}
