// The providers screen and first-run onboarding behind the contract: saved providers (keys go to
// the vault and come back only as a hint), presets, model lists cached per provider, Test
// connection, local servers found on loopback, and the app settings file.
import type { Channel, LocalServer, ProviderProbe, ProviderView, SavedProvider } from '../../shared/contract';
import { lookupContextWindow } from '../providers/context-window';
import { listModels } from '../providers/models';
import { PRESETS, findPreset } from '../providers/presets';
import { testConnection } from '../providers/test-connection';
import type { ProviderCallConfig } from '../providers/types';
import { keyHint } from '../settings/key-hint';
import type { KeyVault } from '../settings/key-vault';
import type { ProviderRecord, ProviderSettings } from '../settings/provider-settings';
import type { AppSettingsStore } from './app-settings';
import { ContextCache } from './context-cache';
import { detectLocalServers, type LocalProbe, probeBaseURL } from './local-detect';
import type { Handlers } from './plume-service';
import { InvalidInput, parseContextRequest, parseProviderInput, parseProviderProbe } from './request-validation';

type ProviderChannel = Extract<Channel, `providers:${string}` | `settings:${string}`>;

/** What providers.json holds besides the base record: never a key, never a header value. */
type StoredProvider = ProviderRecord & { presetId?: string; headerNames?: string[] };

export interface ProviderHandlerDeps {
  settings: ProviderSettings;
  vault: KeyVault;
  appSettings: AppSettingsStore;
  localProbes: readonly LocalProbe[];
}

/** Header values can be credentials too, so they live in the vault beside the key. */
const headersSlot = (id: string) => `${id}#headers`;

/** The extra headers saved for a provider, for its requests. */
export async function readStoredHeaders(vault: KeyVault, id: string): Promise<Record<string, string> | undefined> {
  const text = await vault.get(headersSlot(id)).catch(() => undefined);
  return text ? (JSON.parse(text) as Record<string, string>) : undefined;
}

export function providerHandlers(deps: ProviderHandlerDeps): Pick<Handlers, ProviderChannel> {
  const { settings, vault, appSettings } = deps;
  const modelCache = new Map<string, string[]>();
  const contextCache = new ContextCache();

  const view = async (record: StoredProvider): Promise<ProviderView> => {
    const key = await vault.get(record.id).catch(() => undefined);
    const out: ProviderView = {
      id: record.id,
      name: record.name,
      kind: record.kind,
      baseURL: record.baseURL,
      model: record.model,
      hasKey: key !== undefined && key !== '',
      keyHint: key ? keyHint(key) : null,
    };
    if (record.presetId) out.presetId = record.presetId;
    if (record.headerNames?.length) out.headerNames = record.headerNames;
    if (record.readThinkTags === false) out.readThinkTags = false;
    return out;
  };

  /** The settings a probe stands for, with saved secrets only where they are safe to reuse. */
  const resolve = async (probe: ProviderProbe): Promise<{ kind: ProviderRecord['kind']; config: ProviderCallConfig }> => {
    const saved = probe.id ? await settings.get(probe.id) : undefined;
    if (probe.id && !saved) throw new InvalidInput('That provider no longer exists.');
    const kind = probe.kind ?? (saved as ProviderRecord).kind;
    const baseURL = probe.baseURL ?? (saved as ProviderRecord).baseURL;
    const config: ProviderCallConfig = { baseURL };
    // A stored key or header only ever goes back to the host it was saved for: a changed base
    // URL must not be a way to send the saved key somewhere else.
    const sameHost = saved !== undefined && new URL(saved.baseURL).origin === new URL(baseURL).origin;
    const apiKey = probe.apiKey ?? (sameHost ? await vault.get(saved.id).catch(() => undefined) : undefined);
    if (apiKey) config.apiKey = apiKey;
    const headers = probe.headers ?? (sameHost ? await readStoredHeaders(vault, saved.id) : undefined);
    if (headers && Object.keys(headers).length) config.headers = headers;
    return { kind, config };
  };

  const isPlainSaved = (probe: ProviderProbe) =>
    probe.id !== undefined && probe.kind === undefined && probe.baseURL === undefined && probe.apiKey === undefined && probe.headers === undefined;

  const save = async (input: unknown): Promise<SavedProvider> => {
    const clean = parseProviderInput(input);
    const before = clean.id ? await settings.get(clean.id) : undefined;
    if (clean.id && !before) throw new InvalidInput('That provider no longer exists.');
    const record: Omit<StoredProvider, 'id'> & { id?: string } = {
      ...(clean.id ? { id: clean.id } : {}),
      name: clean.name,
      kind: clean.kind,
      baseURL: clean.baseURL,
      model: clean.model,
    };
    const presetId = clean.presetId ?? (before as StoredProvider | undefined)?.presetId;
    if (presetId && findPreset(presetId)) record.presetId = presetId;
    const headerNames = clean.headers ? Object.keys(clean.headers) : (before as StoredProvider | undefined)?.headerNames;
    if (headerNames?.length) record.headerNames = headerNames;
    if ((clean.readThinkTags ?? before?.readThinkTags) === false) record.readThinkTags = false;
    const saved = (await settings.upsert(record)) as StoredProvider;
    if (clean.apiKey === '') await vault.delete(saved.id);
    else if (clean.apiKey !== undefined) await vault.set(saved.id, clean.apiKey);
    if (clean.headers) {
      if (Object.keys(clean.headers).length) await vault.set(headersSlot(saved.id), JSON.stringify(clean.headers));
      else await vault.delete(headersSlot(saved.id));
    }
    if (!before || before.baseURL !== saved.baseURL || before.kind !== saved.kind) modelCache.delete(saved.id);
    if ((await appSettings.get()).defaultProviderId === null) await appSettings.save({ defaultProviderId: saved.id });
    return { provider: await view(saved), notices: clean.notices };
  };

  return {
    'providers:list': async () => Promise.all((await settings.list()).map(view)),
    'providers:save': save,
    'providers:remove': async ({ id }) => {
      await settings.remove(id);
      await vault.delete(id);
      await vault.delete(headersSlot(id));
      modelCache.delete(id);
      if ((await appSettings.get()).defaultProviderId === id) {
        await appSettings.save({ defaultProviderId: (await settings.list())[0]?.id ?? null });
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
