// Where each kind of server says how big a model's context is, and the per-family table for the
// rest. Each server is a small loopback stand-in answering only the native route Plume asks.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { contextFromTable } from '../../../src/main/providers/context-table';
import { lookupContextWindow } from '../../../src/main/providers/context-window';

type Route = (req: IncomingMessage, body: string) => unknown;
const servers: Array<() => Promise<void>> = [];
afterEach(async () => Promise.all(servers.splice(0).map((close) => close())));

/** Answers `METHOD /path` with the JSON a route returns; 404 for anything else. */
async function serve(routes: Record<string, Route>): Promise<string> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const route = routes[`${req.method} ${req.url}`];
      res.writeHead(route ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(route ? route(req, body) : { error: 'not found' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the context window, from the provider', () => {
  it('Ollama: the trained length from /api/show and the length the model is loaded with from /api/ps', async () => {
    const origin = await serve({
      'POST /api/show': (_req, body) => {
        expect(JSON.parse(body)).toEqual({ model: 'qwen3:8b' });
        return { parameters: 'temperature 0.6\nnum_ctx 8192', model_info: { 'general.architecture': 'qwen3', 'qwen3.context_length': 40960 } };
      },
      'GET /api/ps': () => ({ models: [{ name: 'qwen3:8b', model: 'qwen3:8b', context_length: 4096 }] }),
    });
    const info = await lookupContextWindow({ kind: 'openai', presetId: 'ollama', config: { baseURL: `${origin}/v1` }, model: 'qwen3:8b' });
    expect(info).toEqual({ tokens: 40960, source: 'provider', loadedTokens: 4096, loadedBy: 'Ollama' });
  });

  it("Ollama with the model not loaded: the model file's num_ctx, else Ollama's default", async () => {
    const withNumCtx = await serve({
      'POST /api/show': () => ({ parameters: 'num_ctx 8192', model_info: { 'llama.context_length': 131072 } }),
      'GET /api/ps': () => ({ models: [] }),
    });
    expect(await lookupContextWindow({ kind: 'openai', presetId: 'ollama', config: { baseURL: `${withNumCtx}/v1` }, model: 'llama3.2' })).toEqual({
      tokens: 131072,
      source: 'provider',
      loadedTokens: 8192,
      loadedBy: 'Ollama',
    });
    const bare = await serve({ 'POST /api/show': () => ({ model_info: { 'llama.context_length': 131072 } }) });
    expect((await lookupContextWindow({ kind: 'openai', presetId: 'ollama', config: { baseURL: `${bare}/v1` }, model: 'llama3.2' }))?.loadedTokens).toBe(4096);
  });

  it('LM Studio: max and loaded context from its native model info', async () => {
    const origin = await serve({ 'GET /api/v0/models/qwen2.5-7b-instruct': () => ({ id: 'qwen2.5-7b-instruct', max_context_length: 32768, loaded_context_length: 4096 }) });
    const info = await lookupContextWindow({ kind: 'openai', presetId: 'lmstudio', config: { baseURL: `${origin}/v1` }, model: 'qwen2.5-7b-instruct' });
    expect(info).toEqual({ tokens: 32768, source: 'provider', loadedTokens: 4096, loadedBy: 'LM Studio' });
  });

  it('OpenRouter and Groq: context_length / context_window on the model list entry, asked with the key', async () => {
    const origin = await serve({
      'GET /api/v1/models': (req) => {
        expect(req.headers.authorization).toBe('Bearer sk-or-test');
        return { data: [{ id: 'other/model', context_length: 1 }, { id: 'anthropic/claude-sonnet-4.5', context_length: 1_000_000 }, { id: 'llama-3.3-70b-versatile', context_window: 131072 }] };
      },
    });
    const config = { baseURL: `${origin}/api/v1`, apiKey: 'sk-or-test' };
    expect(await lookupContextWindow({ kind: 'openai', config, model: 'anthropic/claude-sonnet-4.5' })).toEqual({ tokens: 1_000_000, source: 'provider' });
    expect(await lookupContextWindow({ kind: 'openai', config, model: 'llama-3.3-70b-versatile' })).toEqual({ tokens: 131072, source: 'provider' });
  });

  it("Anthropic: max_input_tokens from the model's own entry", async () => {
    const origin = await serve({ 'GET /v1/models/claude-sonnet-4-6': () => ({ type: 'model', id: 'claude-sonnet-4-6', display_name: 'Claude', created_at: '2026-01-01T00:00:00Z', max_input_tokens: 1_000_000 }) });
    expect(await lookupContextWindow({ kind: 'anthropic', config: { baseURL: origin, apiKey: 'k' }, model: 'claude-sonnet-4-6' })).toEqual({ tokens: 1_000_000, source: 'provider' });
  });
});

describe('the context window, from the family table', () => {
  it('is used when the provider does not say, and unknown models have none', async () => {
    const origin = await serve({ 'GET /v1/models': () => ({ data: [{ id: 'gpt-4o-mini-2024-07-18', object: 'model' }] }) });
    expect(await lookupContextWindow({ kind: 'openai', config: { baseURL: `${origin}/v1` }, model: 'gpt-4o-mini-2024-07-18' })).toEqual({ tokens: 128_000, source: 'table' });
    expect(await lookupContextWindow({ kind: 'openai', config: { baseURL: `${origin}/v1` }, model: 'my-finetune' })).toBeNull();
  });

  it('matches the longest family, ignoring provider prefixes and Ollama tags', () => {
    expect(contextFromTable('gpt-4')).toBe(8192);
    expect(contextFromTable('gpt-4o')).toBe(128_000);
    expect(contextFromTable('openai/gpt-4.1-mini')).toBe(1_047_576);
    expect(contextFromTable('llama3.1:8b')).toBe(131_072);
    expect(contextFromTable('llama3:8b')).toBe(8192);
  });
});
