import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { GenerationOptions } from '../../shared/chat';
import type { ProviderPresetView, ProviderView, SavedProvider } from '../../shared/contract';
import type { SearchHit } from '../../shared/conversations';
import type { AppSettings } from '../../shared/settings';
import { bridge } from './bridge';
import { Composer } from './components/Composer';
import { setPriceTable } from './components/format';
import type { MessageActions } from './components/MessageItem';
import { MessageList } from './components/MessageList';
import { ConversationMenu } from './conversations/ConversationMenu';
import { SearchDialog } from './conversations/SearchDialog';
import { Sidebar } from './conversations/Sidebar';
import { UndoToast } from './conversations/UndoToast';
import { useConversations } from './conversations/use-conversations';
import { ConversationOptions } from './settings/ConversationOptions';
import { ModelPicker } from './settings/ModelPicker';
import { Onboarding } from './settings/Onboarding';
import { loadPresets } from './settings/provider-api';
import { ProvidersScreen } from './settings/ProvidersScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import './settings/settings.css';
import { ChatStore, type ReplyTarget } from './store/chat-store';

type View = { screen: 'chat' } | { screen: 'providers'; editing: string | 'new' | null } | { screen: 'settings' };

export function App() {
  const store = useMemo(() => new ChatStore(bridge), []);
  const chat = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const conversations = useConversations();
  const [providers, setProviders] = useState<ProviderView[] | null>(null);
  const [presets, setPresets] = useState<ProviderPresetView[]>([]);
  const [appSettings, setAppSettings] = useState<AppSettings | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(null);
  const [options, setOptions] = useState<GenerationOptions>({});
  // System prompts per conversation, for this window's lifetime; '' is the new-chat draft.
  const [systems, setSystems] = useState<Record<string, string>>({});
  const [showOptions, setShowOptions] = useState(false);
  const [view, setView] = useState<View>({ screen: 'chat' });
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [focusMessageId, setFocusMessageId] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);

  const refreshProviders = useCallback(async (prefer?: string | null) => {
    try {
      const list = await bridge.invoke('providers:list', undefined);
      setProviders(list);
      setSelectedId((current) => {
        const wanted = prefer ?? current;
        return wanted && list.some((p) => p.id === wanted) ? wanted : (list[0]?.id ?? null);
      });
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, []);

  useEffect(() => {
    void Promise.all([loadPresets(), bridge.invoke('settings:get', undefined)])
      .then(([loadedPresets, loadedSettings]) => {
        setPresets(loadedPresets);
        applySettings(loadedSettings);
        return refreshProviders(loadedSettings.defaultProviderId);
      })
      .catch((error: Error) => setLoadError(error.message));
  }, [refreshProviders]);

  const applySettings = (next: AppSettings) => {
    setPriceTable(next.prices);
    setAppSettings(next);
  };

  useEffect(() => {
    store.onConversationChanged = () => void conversations.refresh();
  }, [store, conversations.refresh]);

  const selected = providers?.find((p) => p.id === selectedId) ?? null;
  const activeModel = model ?? selected?.model ?? null;
  const systemKey = chat.conversationId ?? '';
  const system = systems[systemKey] ?? '';
  const target: ReplyTarget | null = useMemo(() => {
    if (!selected || !activeModel) return null;
    const t: ReplyTarget = { providerId: selected.id, model: activeModel };
    if (system.trim() !== '') t.system = system;
    if (Object.keys(options).length) t.options = options;
    return t;
  }, [selected?.id, activeModel, system, options]);

  const openConversation = useCallback(
    (id: string | null, messageId: string | null = null) => {
      setFocusMessageId(messageId);
      void store.open(id, messageId);
    },
    [store],
  );

  // Opening a conversation continues with the provider, model and options it last used; a new
  // chat starts from the default provider and its model.
  useEffect(() => {
    const conv = conversations.list.find((c) => c.id === chat.conversationId);
    if (conv) {
      if (conv.providerId && providers?.some((p) => p.id === conv.providerId)) {
        setSelectedId(conv.providerId);
        setModel(conv.model);
      }
      setOptions(conv.options ?? {});
    } else if (chat.conversationId !== null) {
      // Just created by the first send of a new chat: the draft's system prompt goes with it.
      const id = chat.conversationId;
      setSystems((all) => (all[id] === undefined ? { ...all, [id]: all[''] ?? '', '': '' } : all));
    } else {
      const fallback = appSettings?.defaultProviderId;
      if (fallback && providers?.some((p) => p.id === fallback)) setSelectedId(fallback);
      setModel(null);
      setOptions({});
    }
  }, [chat.conversationId]);

  /** Remembers a switch in the open conversation at once, not only with its next reply. */
  const remember = (providerId: string, nextModel: string, nextOptions: GenerationOptions) => {
    const id = chat.conversationId;
    if (!id) return;
    bridge
      .invoke('conversations:setModel', { id, providerId, model: nextModel, options: nextOptions })
      .then(() => conversations.refresh())
      .catch((error: Error) => setNotice(error.message));
  };

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
    setView({ screen: 'chat' });
    setNotice(saved.notices.join(' ') || null);
    setModel(null);
    void refreshProviders(saved.provider.id);
    // The first provider becomes the default in main; keep the window's copy in step.
    void bridge.invoke('settings:get', undefined).then(applySettings);
  };

  const onDelete = async (id: string) => {
    const title = conversations.list.find((c) => c.id === id)?.title ?? '';
    await bridge.invoke('conversations:delete', { id });
    setDeleted({ id, title });
    if (chat.conversationId === id) openConversation(null);
    await conversations.refresh();
  };

  if (loadError) return <main className="app"><p role="alert" className="form-error">{loadError}</p></main>;
  if (providers === null || appSettings === null) return <main className="app" aria-busy="true" />;

  if (providers.length === 0) {
    return (
      <main className="app setup">
        <Onboarding presets={presets} onSaved={onSaved} />
      </main>
    );
  }

  if (view.screen === 'providers') {
    return (
      <main className="app setup">
        <ProvidersScreen
          providers={providers}
          presets={presets}
          defaultId={appSettings.defaultProviderId}
          initialEditing={view.editing}
          onSaved={onSaved}
          onRemoved={() => {
            void refreshProviders();
            void bridge.invoke('settings:get', undefined).then(applySettings);
          }}
          onMakeDefault={(id) => void bridge.invoke('settings:save', { defaultProviderId: id }).then(applySettings, (e: Error) => setNotice(e.message))}
          onClose={() => setView({ screen: 'chat' })}
        />
      </main>
    );
  }

  if (view.screen === 'settings') {
    return (
      <main className="app setup">
        <SettingsScreen
          settings={appSettings}
          onSave={async (change) => {
            const next = await bridge.invoke('settings:save', change);
            applySettings(next);
            return next;
          }}
          onClose={() => setView({ screen: 'chat' })}
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
            <select
              aria-label="Provider"
              value={selectedId ?? ''}
              onChange={(e) => {
                const next = providers.find((p) => p.id === e.target.value);
                if (!next) return;
                setSelectedId(next.id);
                setModel(next.model);
                remember(next.id, next.model, options);
              }}
            >
              {providers.map((p) => (
                <option key={p.id} value={p.id}>{p.name}{p.id === appSettings.defaultProviderId ? ' (default)' : ''}</option>
              ))}
            </select>
          </label>
          {selected && activeModel && (
            <ModelPicker
              providerId={selected.id}
              model={activeModel}
              onChange={(next) => {
                setModel(next);
                remember(selected.id, next, options);
              }}
            />
          )}
          <button type="button" aria-expanded={showOptions} onClick={() => setShowOptions((v) => !v)}>Chat options</button>
          <button type="button" onClick={() => setView({ screen: 'providers', editing: null })}>Providers</button>
          <button type="button" onClick={() => setView({ screen: 'providers', editing: 'new' })} aria-label="Add provider">Add</button>
          <button type="button" onClick={() => setView({ screen: 'settings' })}>Settings</button>
          <button type="button" onClick={() => setSearching(true)} aria-label="Search conversations" title="Search (Ctrl+K)">Search</button>
          <ConversationMenu
            conversationId={chat.conversationId}
            onNotice={setNotice}
            onImported={() => void conversations.refresh()}
          />
        </header>
        {showOptions && selected && (
          <ConversationOptions
            key={systemKey}
            kind={selected.kind}
            system={system}
            options={options}
            onChange={(nextSystem, nextOptions) => {
              setSystems((all) => ({ ...all, [systemKey]: nextSystem }));
              setOptions(nextOptions);
            }}
            onClose={() => setShowOptions(false)}
          />
        )}
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
