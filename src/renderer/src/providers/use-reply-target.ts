// What the next reply goes to: provider, model, options and system prompt. A conversation
// continues with what it last used; changes are remembered in main (debounced while typing), so
// they survive a reload; a new chat starts from the defaults in Settings (provider, model, system prompt).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GenerationOptions } from '../../../shared/chat';
import type { ProviderPresetView, ProviderView } from '../../../shared/contract';
import type { ConversationSummary } from '../../../shared/conversations';
import type { AppSettings } from '../../../shared/settings';
import { bridge } from '../bridge';
import type { ReplyTarget } from './reply-target';
import { setPriceTable } from './price-table';
import { loadPresets } from './provider-api';

const REMEMBER_DELAY_MS = 500;

export function useReplyTarget(conversationId: string | null, conversations: ConversationSummary[], onSaved: () => void, onError: (message: string) => void) {
  const [providers, setProviders] = useState<ProviderView[] | null>(null);
  const [presets, setPresets] = useState<ProviderPresetView[]>([]);
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [providerId, setProviderId] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(null);
  const [options, setOptions] = useState<GenerationOptions>({});
  const [system, setSystem] = useState('');
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pendingSave = useRef<(() => void) | null>(null);

  // A change still waiting for its debounce is sent when the window goes away.
  useEffect(() => {
    const flush = () => pendingSave.current?.();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  const applySettings = useCallback((next: AppSettings) => {
    setPriceTable(next.prices);
    setSettings(next);
  }, []);

  const refreshProviders = useCallback(async (prefer?: string | null) => {
    try {
      const list = await bridge.invoke('providers:list', undefined);
      setProviders(list);
      setProviderId((current) => {
        const wanted = prefer ?? current;
        return wanted && list.some((p) => p.id === wanted) ? wanted : (list[0]?.id ?? null);
      });
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, []);

  const refreshSettings = useCallback(() => bridge.invoke('settings:get', undefined).then(applySettings), [applySettings]);

  useEffect(() => {
    void Promise.all([loadPresets(), bridge.invoke('settings:get', undefined)])
      .then(([loadedPresets, loadedSettings]) => {
        setPresets(loadedPresets);
        applySettings(loadedSettings);
        return refreshProviders(loadedSettings.defaultProviderId);
      })
      .catch((error: Error) => setLoadError(error.message));
  }, [applySettings, refreshProviders]);

  // Opening a conversation continues with what it last used; a new chat starts from the default.
  useEffect(() => {
    pendingSave.current?.();
    const conv = conversations.find((c) => c.id === conversationId);
    if (conv) {
      if (conv.providerId && providers?.some((p) => p.id === conv.providerId)) {
        setProviderId(conv.providerId);
        setModel(conv.model);
      }
      setOptions(conv.options ?? {});
      setSystem(conv.systemPrompt);
    } else if (conversationId === null) startNewChat();
    // A conversation just created by the first send keeps the draft's choices: main stored them.
  }, [conversationId]);

  // New defaults saved in Settings (or first loaded) apply to the new chat on screen.
  useEffect(() => {
    if (conversationId === null) startNewChat();
  }, [settings?.defaultProviderId, settings?.defaultModel, settings?.defaultSystemPrompt, providers === null]);

  /** A new chat starts from the defaults in Settings: provider, its model, system prompt. */
  function startNewChat() {
    const fallback = settings?.defaultProviderId;
    const useDefault = !!fallback && !!providers?.some((p) => p.id === fallback);
    if (useDefault) setProviderId(fallback);
    setModel(useDefault ? (settings?.defaultModel ?? null) : null);
    setOptions({});
    setSystem(settings?.defaultSystemPrompt ?? '');
  }

  const selected = providers?.find((p) => p.id === providerId) ?? null;
  const activeModel = model ?? selected?.model ?? null;

  const remember = (next: { providerId: string; model: string; options: GenerationOptions; system: string }, delay: number) => {
    if (!conversationId) return;
    clearTimeout(pending.current);
    const id = conversationId;
    const save = () => {
      pendingSave.current = null;
      clearTimeout(pending.current);
      bridge
        .invoke('conversations:setModel', { id, providerId: next.providerId, model: next.model, options: next.options, system: next.system })
        .then(onSaved, (error: Error) => onError(error.message));
    };
    pendingSave.current = save;
    pending.current = setTimeout(save, delay);
  };

  const target: ReplyTarget | null = useMemo(() => {
    if (!selected || !activeModel) return null;
    const t: ReplyTarget = { providerId: selected.id, model: activeModel };
    if (system.trim() !== '') t.system = system;
    if (Object.keys(options).length) t.options = options;
    return t;
  }, [selected?.id, activeModel, system, options]);

  return {
    providers,
    presets,
    settings,
    loadError,
    selected,
    activeModel,
    options,
    system,
    target,
    applySettings,
    refreshProviders,
    refreshSettings,
    /** A model of any provider, as the model picker offers them. */
    chooseTarget(id: string, nextModel: string) {
      const next = providers?.find((p) => p.id === id);
      if (!next) return;
      setProviderId(next.id);
      setModel(nextModel);
      remember({ providerId: next.id, model: nextModel, options, system }, 0);
    },
    chooseModel(next: string) {
      if (!selected) return;
      setModel(next);
      remember({ providerId: selected.id, model: next, options, system }, 0);
    },
    changeOptions(nextSystem: string, nextOptions: GenerationOptions) {
      setSystem(nextSystem);
      setOptions(nextOptions);
      if (selected && activeModel) remember({ providerId: selected.id, model: activeModel, options: nextOptions, system: nextSystem }, REMEMBER_DELAY_MS);
    },
    /** After saving a provider: a new chat switches to it, with its own model; an open
     *  conversation keeps the provider it uses. */
    showSavedProvider(id: string) {
      if (conversationId === null) setModel(null);
      void refreshProviders(conversationId === null ? id : undefined);
      void refreshSettings();
    },
  };
}
