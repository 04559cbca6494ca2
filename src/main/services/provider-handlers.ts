// The providers screen and first-run onboarding behind the contract: saved providers (keys go to
// the vault and come back only as a hint), presets, model lists cached per provider, Test
// connection, local servers found on loopback, and the app settings file.
import { randomUUID } from 'node:crypto';
import type { Channel, LocalServer, ProviderProbe, ProviderView, SavedProvider } from '../../shared/contract';
import { lookupContextWindow } from '../providers/context-window';
import { listModels } from '../providers/models';
import { PRESETS, findPreset } from '../providers/presets';
import { testConnection } from '../providers/test-connection';
import type { ProviderCallConfig } from '../providers/types';
import { keyHint } from '../settings/key-hint';
import type { KeyVault } from '../settings/key-vault';
import type { ProviderRecord, ProviderSettings } from '../settings/provider-settings';
import { headersSlot, originOf, savedSecrets, type StoredProvider } from './provider-secrets';
import type { AppSettingsStore } from './app-settings';
import { ContextCache } from './context-cache';
import { detectLocalServers, type LocalProbe, probeBaseURL } from './local-detect';
import type { Handlers } from './plume-service';
import { InvalidInput, parseContextRequest, parseProviderInput, parseProviderProbe } from './request-validation';

type ProviderChannel = Extract<Channel, `providers:${string}` | `settings:${string}`>;

export interface ProviderHandlerDeps {
  settings: ProviderSettings;
  vault: KeyVault;
  appSettings: AppSettingsStore;
  localProbes: readonly LocalProbe[];
}

export function providerHandlers(deps: ProviderHandlerDeps): Pick<Handlers, ProviderChannel> {
  const { settings, vault, appSettings } = deps;
  const modelCache = new Map<string, string[]>();
  const contextCache = new ContextCache();

  const view = async (record: StoredProvider): Promise<ProviderView> => {
    let key: string | undefined;
    let unreadable = false;
    try {
      key = await vault.get(record.id);
    } catch {
      unreadable = true;
    }
    const out: ProviderView = {
      id: record.id,
      name: record.name,
      kind: record.kind,
      baseURL: record.baseURL,
      model: record.model,
      hasKey: key !== undefined && key !== '',
      keyHint: key ? keyHint(key) : null,
    };
    if (unreadable || (!key && record.keyFor !== undefined)) out.keyUnreadable = true;
    if (record.presetId) out.presetId = record.presetId;
    if (record.headerNames?.length) out.headerNames = record.headerNames;
    if (record.readThinkTags === false) out.readThinkTags = false;
    return out;
  };

  /** Whether anything is saved in a vault slot, readable or not. */
  const hasEntry = async (slot: string) => ((await vault.get(slot).catch(() => 'unreadable')) ?? '') !== '';

  /** Where a provider's saved secrets belong. Records from before keys were bound to a host: a
   * saved key there was entered for its base URL. */
  const binding = async (record: StoredProvider): Promise<Pick<StoredProvider, 'keyFor' | 'headersFor'>> => {
    const origin = originOf(record.baseURL);
    const keyFor = record.keyFor ?? ((await hasEntry(record.id)) ? origin : undefined);
    const headersFor = record.headersFor ?? ((await hasEntry(headersSlot(record.id))) ? origin : undefined);
    return { ...(keyFor ? { keyFor } : {}), ...(headersFor ? { headersFor } : {}) };
  };

  /** Binds the secrets of records saved by an older Plume once, so a key lost later (a damaged
   * vault) is reported as unreadable instead of the provider silently going out without it. */
  let legacyBound = false;
  const list = async (): Promise<StoredProvider[]> => {
    const records: StoredProvider[] = await settings.list();
    if (legacyBound) return records;
    legacyBound = true;
    for (const record of records) {
      if (record.keyFor !== undefined || record.headersFor !== undefined) continue;
      const bound = await binding(record);
      if (bound.keyFor || bound.headersFor) await settings.upsert({ ...record, ...bound });
    }
    return settings.list();
  };

  /** The settings a probe stands for, with saved secrets only where they are safe to reuse. */
  const resolve = async (probe: ProviderProbe): Promise<{ kind: ProviderRecord['kind']; config: ProviderCallConfig }> => {
    const saved: StoredProvider | undefined = probe.id ? await settings.get(probe.id) : undefined;
    if (probe.id && !saved) throw new InvalidInput('That provider no longer exists.');
    const kind = probe.kind ?? (saved as ProviderRecord).kind;
    const baseURL = probe.baseURL ?? (saved as ProviderRecord).baseURL;
    const config: ProviderCallConfig = { baseURL };
    // A stored key or header only ever goes back to the host it was saved for: a changed base
    // URL must not be a way to send the saved key somewhere else.
    const sameHost = saved !== undefined && originOf(saved.baseURL) === originOf(baseURL);
    const needSaved = sameHost && (probe.apiKey === undefined || probe.headers === undefined);
    const secrets = needSaved ? await savedSecrets(vault, saved) : {};
    const apiKey = probe.apiKey ?? secrets.apiKey;
    if (apiKey) config.apiKey = apiKey;
    const headers = probe.headers ?? secrets.headers;
    if (headers && Object.keys(headers).length) config.headers = headers;
    return { kind, config };
  };

  const isPlainSaved = (probe: ProviderProbe) =>
    probe.id !== undefined && probe.kind === undefined && probe.baseURL === undefined && probe.apiKey === undefined && probe.headers === undefined;

  const save = async (input: unknown): Promise<SavedProvider> => {
    const clean = parseProviderInput(input);
    const before: StoredProvider | undefined = clean.id ? await settings.get(clean.id) : undefined;
    if (clean.id && !before) throw new InvalidInput('That provider no longer exists.');
    const id = clean.id ?? randomUUID();
    const origin = originOf(clean.baseURL);
    const moved = before !== undefined && originOf(before.baseURL) !== origin;
    const { keyFor, headersFor } = before ? await binding(before) : {};
    if (moved && keyFor !== undefined && clean.apiKey === undefined) {
      throw new InvalidInput(
        `The base URL now points to another host (${origin}). Enter the API key again, or tick “Remove the saved key”: a saved key is only sent to the host it was entered for.`,
      );
    }
    const record: StoredProvider = { id, name: clean.name, kind: clean.kind, baseURL: clean.baseURL, model: clean.model };
    const presetId = clean.presetId ?? before?.presetId;
    if (presetId && findPreset(presetId)) record.presetId = presetId;
    if ((clean.readThinkTags ?? before?.readThinkTags) === false) record.readThinkTags = false;

    if (clean.apiKey === '') await vault.delete(id);
    else if (clean.apiKey !== undefined) await vault.set(id, clean.apiKey);
    const nextKeyFor = clean.apiKey === undefined ? keyFor : clean.apiKey === '' ? undefined : origin;
    if (nextKeyFor !== undefined) record.keyFor = nextKeyFor;

    const notices = [...clean.notices];
    let headerNames = before?.headerNames;
    let nextHeadersFor = headersFor;
    if (clean.headers) {
      headerNames = Object.keys(clean.headers);
      nextHeadersFor = headerNames.length ? origin : undefined;
      if (headerNames.length) await vault.set(headersSlot(id), JSON.stringify(clean.headers));
      else await vault.delete(headersSlot(id));
    } else if (moved && headersFor !== undefined) {
      // Header values may be credentials: like the key, they stay with the host they were for.
      await vault.delete(headersSlot(id));
      notices.push(`The saved extra headers (${(headerNames ?? []).join(', ')}) were removed: they were entered for ${headersFor}. Enter them again if ${origin} needs them.`);
      headerNames = undefined;
      nextHeadersFor = undefined;
    }
    if (headerNames?.length) record.headerNames = headerNames;
    if (nextHeadersFor !== undefined) record.headersFor = nextHeadersFor;

    const saved = (await settings.upsert(record)) as StoredProvider;
    if (!before || before.baseURL !== saved.baseURL || before.kind !== saved.kind) modelCache.delete(saved.id);
    if ((await appSettings.get()).defaultProviderId === null) await appSettings.save({ defaultProviderId: saved.id });
    return { provider: await view(saved), notices };
  };

  return {
    'providers:list': async () => Promise.all((await list()).map(view)),
    'providers:save': save,
    'providers:remove': async ({ id }) => {
      await settings.remove(id);
      await vault.delete(id);
      await vault.delete(headersSlot(id));
      modelCache.delete(id);
      if ((await appSettings.get()).defaultProviderId === id) {
        // The default model belonged to the removed provider.
        await appSettings.save({ defaultProviderId: (await settings.list())[0]?.id ?? null, defaultModel: null });
      }
    },
    'providers:presets': async () => PRESETS.map((preset) => ({ ...preset })),
    'providers:models': async (req) => {
      const probe = parseProviderProbe(req);
      const cacheable = isPlainSaved(probe);
      const hit = cacheable && !probe.refresh ? modelCache.get(probe.id as string) : undefined;
      if (hit) return { models: hit, cached: true };
      const { kind, config } = await resolve(probe);
      const models = await listModels(kind, { ...config, maxRetries: 0 });
      if (cacheable) modelCache.set(probe.id as string, models);
      return { models, cached: false };
    },
    'providers:contextWindow': async (req) => {
      const { providerId, model } = parseContextRequest(req);
      return contextCache.get(`${providerId}\n${model}`, async () => {
        const saved = (await settings.get(providerId)) as StoredProvider | undefined;
        if (!saved) throw new InvalidInput('That provider no longer exists.');
        const { kind, config } = await resolve({ id: providerId });
        return lookupContextWindow({ kind, config, model, ...(saved.presetId ? { presetId: saved.presetId } : {}) });
      });
    },
    'providers:test': async (req) => {
      const probe = parseProviderProbe(req);
      const { kind, config } = await resolve(probe);
      const check = await testConnection(kind, config);
      if (!check.ok) return check;
      if (isPlainSaved(probe)) modelCache.set(probe.id as string, check.models);
      return { ok: true, modelCount: check.models.length, models: check.models };
    },
    'providers:detectLocal': async () => detectLocalServers(deps.localProbes),
    'providers:useLocal': async (req) => {
      const baseURL = typeof req?.baseURL === 'string' ? req.baseURL : '';
      // Only addresses Plume itself probes: this channel must not become "add any URL".
      const probe = deps.localProbes.find((p) => probeBaseURL(p) === baseURL);
      if (!probe) throw new InvalidInput('That local server is not one Plume looks for.');
      const [server]: LocalServer[] = await detectLocalServers([probe]);
      if (!server) throw new InvalidInput(`Nothing answers at ${baseURL} any more. Start the server and try again.`);
      const saved = await save({ name: server.label, kind: 'openai', baseURL, model: server.models[0], presetId: server.presetId });
      modelCache.set(saved.provider.id, server.models);
      return saved;
    },
    'settings:get': async () => appSettings.get(),
    'settings:save': async (change) => {
      const next = (change ?? {}) as Record<string, unknown>;
      if (typeof next.defaultProviderId === 'string' && !(await settings.get(next.defaultProviderId))) {
        throw new InvalidInput('That provider no longer exists.');
      }
      return appSettings.save(next);
    },
  };
}
