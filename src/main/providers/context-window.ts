// How many tokens a model can take, asked of the provider where it says so, else from the
// family table. For Ollama also the context it has the model loaded with: Ollama silently drops
// the oldest tokens beyond that, whatever the model could do.
//
// - OpenAI-compatible listings: OpenRouter `context_length`, Groq `context_window`, vLLM
//   `max_model_len` on the entries of GET /models.
// - Anthropic: `max_input_tokens` from GET /v1/models/{id}.
// - Gemini: `inputTokenLimit` from the native GET /v1beta/models/{id}.
// - Ollama: POST /api/show (`<arch>.context_length`, `num_ctx`), GET /api/ps (`context_length`
//   of the loaded model).
// - LM Studio: GET /api/v0/models/{id} (`max_context_length`, `loaded_context_length`).
import type { ContextWindowInfo } from '../../shared/context-window';
import { createAnthropicClient } from './anthropic-messages';
import { fetchReportingBytes } from './byte-reporting-fetch';
import { contextFromTable } from './context-table';
import { hostOf } from './host';
import type { AdapterKind, ProviderCallConfig } from './types';

/** Ollama's num_ctx when neither the model file nor a loaded model says otherwise. */
const OLLAMA_DEFAULT_CONTEXT = 4096;
const LOOKUP_TIMEOUT_MS = 4000;

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const tokens = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined);

export interface ContextLookup {
  kind: AdapterKind;
  /** The preset the provider was made from: says which native API to ask. */
  presetId?: string;
  config: ProviderCallConfig;
  model: string;
}

export async function lookupContextWindow(lookup: ContextLookup): Promise<ContextWindowInfo | null> {
  const fromProvider = await askProvider(lookup).catch(() => undefined);
  if (fromProvider) return fromProvider;
  const fromTable = contextFromTable(lookup.model);
  return fromTable ? { tokens: fromTable, source: 'table' } : null;
}

async function askProvider({ kind, presetId, config, model }: ContextLookup): Promise<ContextWindowInfo | undefined> {
  if (kind === 'anthropic') {
    const info = await createAnthropicClient({ ...config, maxRetries: 0, timeoutMs: LOOKUP_TIMEOUT_MS }).models.retrieve(model);
    const max = tokens((info as unknown as Loose)['max_input_tokens']);
    return max ? { tokens: max, source: 'provider' } : undefined;
  }
  const origin = new URL(config.baseURL).origin;
  if (presetId === 'ollama') return ollamaWindow(origin, model);
  if (presetId === 'lmstudio') return lmStudioWindow(origin, model);
  if (hostOf(config.baseURL) === 'generativelanguage.googleapis.com') return geminiWindow(origin, model, config.apiKey);
  return listingWindow(config, model);
}

async function getJson(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetchReportingBytes(undefined)(url, { ...init, signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json();
}

async function listingWindow(config: ProviderCallConfig, model: string): Promise<ContextWindowInfo | undefined> {
  const headers: Record<string, string> = { ...config.headers };
  if (config.apiKey) headers['Authorization'] = `Bearer ${config.apiKey}`;
  const body = await getJson(`${config.baseURL.replace(/\/+$/, '')}/models`, { headers });
  const entries = isObject(body) && Array.isArray(body['data']) ? body['data'] : [];
  const entry = entries.find((e): e is Loose => isObject(e) && e['id'] === model);
  if (!entry) return undefined;
  const top = isObject(entry['top_provider']) ? entry['top_provider'] : {};
  const max = tokens(entry['context_length']) ?? tokens(entry['context_window']) ?? tokens(entry['max_model_len']) ?? tokens(top['context_length']);
  return max ? { tokens: max, source: 'provider' } : undefined;
}

async function geminiWindow(origin: string, model: string, apiKey: string | undefined): Promise<ContextWindowInfo | undefined> {
  const id = model.replace(/^models\//, '');
  const body = await getJson(`${origin}/v1beta/models/${encodeURIComponent(id)}`, { headers: apiKey ? { 'x-goog-api-key': apiKey } : {} });
  const max = isObject(body) ? tokens(body['inputTokenLimit']) : undefined;
  return max ? { tokens: max, source: 'provider' } : undefined;
}

async function lmStudioWindow(origin: string, model: string): Promise<ContextWindowInfo | undefined> {
  const body = await getJson(`${origin}/api/v0/models/${encodeURIComponent(model)}`);
  if (!isObject(body)) return undefined;
  const max = tokens(body['max_context_length']);
  const loaded = tokens(body['loaded_context_length']);
  if (!max && !loaded) return undefined;
  return { tokens: (max ?? loaded) as number, source: 'provider', ...(loaded ? { loadedTokens: loaded, loadedBy: 'LM Studio' } : {}) };
}

async function ollamaWindow(origin: string, model: string): Promise<ContextWindowInfo | undefined> {
  const shown = await getJson(`${origin}/api/show`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ model }) });
  if (!isObject(shown)) return undefined;
  const info = isObject(shown['model_info']) ? shown['model_info'] : {};
  const trained = Object.entries(info).find(([key]) => key.endsWith('.context_length'));
  const max = tokens(trained?.[1]);
  // The context it really runs with: the loaded model's, else the model file's num_ctx, else Ollama's default.
  const loaded = (await ollamaLoadedContext(origin, model).catch(() => undefined)) ?? numCtx(shown['parameters']) ?? OLLAMA_DEFAULT_CONTEXT;
  return { tokens: max ?? loaded, source: 'provider', loadedTokens: loaded, loadedBy: 'Ollama' };
}

async function ollamaLoadedContext(origin: string, model: string): Promise<number | undefined> {
  const body = await getJson(`${origin}/api/ps`);
  const models = isObject(body) && Array.isArray(body['models']) ? body['models'] : [];
  const wanted = model.includes(':') ? model : `${model}:latest`;
  const running = models.find((m): m is Loose => isObject(m) && (m['name'] === wanted || m['model'] === wanted || m['name'] === model));
  return running ? tokens(running['context_length']) : undefined;
}

function numCtx(parameters: unknown): number | undefined {
  if (typeof parameters !== 'string') return undefined;
  const match = /^\s*num_ctx\s+(\d+)/m.exec(parameters);
  return match ? tokens(Number(match[1])) : undefined;
}
