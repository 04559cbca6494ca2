import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { SavedProvider } from '../../shared/contract';
import { bridge } from './bridge';
import { ChatToolbar, type HeaderTarget } from './chat/ChatToolbar';
import { Composer } from './chat/Composer';
import { ContextMeter } from './chat/context/ContextMeter';
import type { MessageActions } from './chat/MessageItem';
import { type FocusRequest, LiveMessageList } from './chat/MessageList';
import { SearchDialog } from './conversations/SearchDialog';
import { Sidebar } from './conversations/Sidebar';
import { UndoToast } from './conversations/UndoToast';
import { useConversations } from './conversations/use-conversations';
import { ConversationOptions } from './chat/ConversationOptions';
import { Onboarding } from './providers/Onboarding';
import { ProvidersScreen } from './providers/ProvidersScreen';
import { DataAndBackups } from './conversations/database/DataAndBackups';
import { SecurityAndDesktop } from './settings/SecurityAndDesktop';
import { type LeaveGuard, SettingsScreen } from './settings/SettingsScreen';
import { McpServersPanel } from './settings/McpServersPanel';
import './settings/settings.css';
import { ProviderNames } from './providers/provider-names';
import { useReplyTarget } from './providers/use-reply-target';
import { CommandPalette, useCommand } from './shell';
import { useSidebar } from './shell/use-sidebar';
import { Notice } from './shell/Notice';
import { ChatStore } from './chat/store/chat-store';
import { RepliesStore } from './chat/store/replies-store';
import type { Term } from '../../shared/search-terms';

type View = { screen: 'chat' } | { screen: 'providers'; editing: string | 'new' | null } | { screen: 'settings' };

export function App() {
  // Live replies outlive the view: the conversation store only watches the one on screen.
  const replies = useMemo(() => new RepliesStore(bridge), []);
  const store = useMemo(() => new ChatStore(bridge, replies), [replies]);
  const replyMarks = useSyncExternalStore(replies.subscribeMarks, replies.getMarks);
  // App takes only what changes rarely; the message list follows the streaming items itself, so
  // the sidebar, toolbar and composer do not re-render on every frame of a reply.
  const chat = {
    conversationId: useSyncExternalStore(store.subscribe, () => store.getSnapshot().conversationId),
    streaming: useSyncExternalStore(store.subscribe, () => store.getSnapshot().streaming),
    error: useSyncExternalStore(store.subscribe, () => store.getSnapshot().error),
  };
  const conversations = useConversations();
  const [notice, setNotice] = useState<string | null>(null);
  const reply = useReplyTarget(chat.conversationId, conversations.list, () => void conversations.refresh(), setNotice);
  const [view, setViewNow] = useState<View>({ screen: 'chat' });
  // Every way out of Settings goes through the guard, which asks about unsaved changes first.
  const leaveGuard = useRef<LeaveGuard | null>(null);
  const guarded = useCallback((go: () => void) => (leaveGuard.current ? leaveGuard.current(go) : go()), []);
  const setView = useCallback((next: View) => guarded(() => setViewNow(next)), [guarded]);
  const [showOptions, setShowOptions] = useState(false);
  const [searching, setSearching] = useState(false);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; title: string; wasOpen: boolean } | null>(null);
  const [renameRequest, setRenameRequest] = useState<{ id: string } | null>(null);
  const sidebar = useSidebar();
  const menuRef = useRef<(() => void) | null>(null);
  const modelRef = useRef<(() => void) | null>(null);
  useEffect(() => {
    store.onConversationChanged = () => void conversations.refresh();
    replies.onConversationChanged = () => void conversations.refresh();
  }, [store, replies, conversations.refresh]);
  const { target } = reply;
  const providerNames = useMemo(() => new Map((reply.providers ?? []).map((p) => [p.id, p.name])), [reply.providers]);

  const openConversation = useCallback(
    (id: string | null, messageId: string | null = null, terms?: readonly Term[]) =>
      guarded(() => {
        setFocus(messageId ? { messageId, terms } : null);
        setViewNow({ screen: 'chat' });
        sidebar.dismissOverlay();
        void store.open(id, messageId);
      }),
    [store, sidebar.dismissOverlay, guarded],
  );

  // Esc or the close button closes the sidebar where it lies over the chat, and focus goes back to its toggle.
  const closeOverlay = useCallback(() => {
    sidebar.dismissOverlay();
    document.querySelector<HTMLElement>('[aria-controls="conversation-sidebar"]')?.focus();
  }, [sidebar.dismissOverlay]);
  useEffect(() => {
    if (!(sidebar.open && sidebar.overlay)) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      closeOverlay();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sidebar.open, sidebar.overlay, closeOverlay]);

  // Esc leaves the Settings and Providers pages, as it closes every dialog and panel.
  useEffect(() => {
    if (view.screen === 'chat') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setView({ screen: 'chat' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view.screen, setView]);

  const openFromHeader = (screen: HeaderTarget) => {
    if (screen === 'search') setSearching(true);
    else if (screen === 'settings') setView({ screen: 'settings' });
    else if (screen === 'new-chat') openConversation(null);
    else if (screen === 'options') setShowOptions((open) => !open);
    else setView({ screen: 'providers', editing: screen === 'add-provider' ? 'new' : null });
  };

  const actions: MessageActions = useMemo(
    () => ({
      stop: () => store.stop(),
      regenerate: (id) => target && store.regenerate(id, target),
      edit: (id, text) => (target ? store.edit(id, text, target) : 'Choose a provider first.'),
      switchBranch: (id, index) => void store.switchBranch(id, index),
      decideTool: store.decideTool,
      openProviderSettings: (providerId) => setView({ screen: 'providers', editing: providerId }),
    }),
    [store, target],
  );

  // The same commands as the native menu and the command palette.
  useCommand('new-chat', () => openConversation(null));
  // Search opens over the chat, so from Settings or Providers it goes back there first.
  useCommand('search', () =>
    guarded(() => {
      setViewNow({ screen: 'chat' });
      setSearching(true);
    }),
  );
  useCommand('settings', view.screen === 'settings' ? null : () => setView({ screen: 'settings' }));
  useCommand('stop', chat.streaming ? () => store.stop() : null);
  useCommand('export', chat.conversationId ? () => menuRef.current?.() : null);
  useCommand('toggle-sidebar', view.screen === 'chat' ? sidebar.toggle : null);
  const open = conversations.list.find((c) => c.id === chat.conversationId);
  useCommand('delete', open && view.screen === 'chat' ? () => void onDelete(open.id) : null);
  useCommand('pin', open ? () => void pin(open.id, !open.pinned) : null);
  useCommand(
    'rename',
    open && view.screen === 'chat'
      ? () => {
          // Renaming happens in the sidebar row, so a hidden sidebar opens for it.
          if (!sidebar.open) sidebar.toggle();
          setRenameRequest({ id: open.id });
        }
      : null,
  );

  const pin = async (id: string, pinned: boolean) => {
    await bridge.invoke('conversations:pin', { id, pinned });
    await conversations.refresh();
  };

  const onSaved = (saved: SavedProvider) => {
    setView({ screen: 'chat' });
    setNotice(saved.notices.join(' ') || null);
    reply.showSavedProvider(saved.provider.id);
  };

  const onDelete = async (id: string) => {
    const title = conversations.list.find((c) => c.id === id)?.title ?? '';
    await bridge.invoke('conversations:delete', { id });
    setDeleted({ id, title, wasOpen: chat.conversationId === id });
    if (chat.conversationId === id) openConversation(null);
    await conversations.refresh();
  };

  const undoDelete = async (what: { id: string; wasOpen: boolean }) => {
    await bridge.invoke('conversations:undoDelete', { id: what.id });
    setDeleted(null);
    await conversations.refresh();
    // Undoing the delete of the conversation you were in puts you back in it.
    if (what.wasOpen) openConversation(what.id);
  };

  if (reply.loadError) return <main className="app"><p role="alert" className="form-error">{reply.loadError}</p></main>;
  const { providers, settings } = reply;
  if (providers === null || settings === null) return <main className="app" aria-busy="true" />;

  if (providers.length === 0) {
    return (
      <main className="app setup">
        <Onboarding presets={reply.presets} onSaved={onSaved} />
      </main>
    );
  }

  if (view.screen === 'providers') {
    return (
      <main className="app setup">
        <ProvidersScreen
          providers={providers}
          presets={reply.presets}
          defaultId={settings.defaultProviderId}
          initialEditing={view.editing}
          onSaved={onSaved}
          onRemoved={() => {
            void reply.refreshProviders();
            void reply.refreshSettings();
          }}
          onMakeDefault={(id) => void bridge.invoke('settings:save', { defaultProviderId: id }).then(reply.applySettings, (e: Error) => setNotice(e.message))}
          onClose={() => setView({ screen: 'chat' })}
          usedBy={(id) => conversations.list.filter((c) => c.providerId === id).map((c) => c.title)}
        />
      </main>
    );
  }

  if (view.screen === 'settings') {
    return (
      <main className="app setup">
        <SettingsScreen
          settings={settings}
          providers={providers}
          guardRef={leaveGuard}
          onSave={async (change) => {
            const next = await bridge.invoke('settings:save', change);
            reply.applySettings(next);
            return next;
          }}
          onClose={() => setView({ screen: 'chat' })}
        />
        <SecurityAndDesktop />
        <McpServersPanel />
        <DataAndBackups onReplaced={() => window.location.reload()} />
      </main>
    );
  }

  const title = conversations.list.find((c) => c.id === chat.conversationId)?.title || 'New chat';
  return (
    <ProviderNames.Provider value={providerNames}>
    <div className={`layout${sidebar.open ? ' sidebar-open' : ''}`}>
      {sidebar.open && (
        <Sidebar
          overlay={sidebar.overlay}
          onClose={closeOverlay}
          conversations={conversations.list}
          activeId={chat.conversationId}
          replyMarks={replyMarks}
          onOpen={(id) => openConversation(id)}
          onNew={() => openConversation(null)}
          onSearch={() => setSearching(true)}
          onProviders={() => setView({ screen: 'providers', editing: null })}
          onSettings={() => setView({ screen: 'settings' })}
          onRename={async (id, title) => {
            await bridge.invoke('conversations:rename', { id, title }).catch((e: Error) => setNotice(e.message));
            await conversations.refresh();
          }}
          onPin={pin}
          renameRequest={renameRequest}
          onDelete={onDelete}
          onUndoDelete={(id) => deleted?.id === id && void undoDelete(deleted)}
        />
      )}
      {sidebar.open && sidebar.overlay && <div className="scrim" aria-hidden="true" onClick={sidebar.dismissOverlay} />}
      <div className="chat-column">
        <ChatToolbar
          title={title}
          providers={providers}
          selected={reply.selected}
          model={reply.activeModel}
          conversationId={chat.conversationId}
          sidebarOpen={sidebar.open}
          onToggleSidebar={sidebar.toggle}
          onChoose={reply.chooseTarget}
          onOpen={openFromHeader}
          onNotice={setNotice}
          onImported={() => void conversations.refresh()}
          menuRef={menuRef}
          modelRef={modelRef}
        />
      <main className="app chat">
        {showOptions && reply.selected && (
          <ConversationOptions
            key={chat.conversationId ?? 'new'}
            kind={reply.selected.kind}
            model={target?.model}
            system={reply.system}
            options={reply.options}
            onChange={reply.changeOptions}
            onClose={() => setShowOptions(false)}
          />
        )}
        {notice && <Notice key={notice} text={notice} onDismiss={() => setNotice(null)} />}
        {chat.error && <p className="form-error" role="alert">{chat.error}</p>}
        <LiveMessageList store={store} actions={actions} focus={focus} />
        <Composer
          conversationId={chat.conversationId}
          streaming={chat.streaming}
          disabled={!target}
          target={target && reply.selected ? { providerId: target.providerId, kind: reply.selected.kind, model: target.model } : null}
          onSend={(text, attachments) => (target ? store.send(text, target, attachments) : 'Choose a provider first.')}
          onStop={() => store.stop()}
          onChooseModel={reply.chooseModel}
          renderContext={(draftChars, files) => <ContextMeter store={store} target={target} draftChars={draftChars} files={files} />}
        />
      </main>
      </div>
      {searching && (
        <SearchDialog
          onClose={() => setSearching(false)}
          onPick={(hit, terms) => {
            setSearching(false);
            openConversation(hit.conversationId, hit.messageId, terms);
          }}
        />
      )}
      {deleted && (
        <UndoToast
          key={deleted.id}
          message={`Deleted “${deleted.title || 'New chat'}”.`}
          onUndo={() => void undoDelete(deleted)}
          onDismiss={() => setDeleted(null)}
        />
      )}
      <CommandPalette />
    </div>
    </ProviderNames.Provider>
  );
}
