// The provider and settings channels through `dispatch`, the same door the window uses, with the
// real services, a real file vault and fake provider servers on 127.0.0.1.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Req, Res } from '../../../src/shared/contract';
import { dispatch } from '../../../src/main/services/dispatch';
import { localProbesFromEnv } from '../../../src/main/services/local-detect';
import { createPlumeService, type PlumeService } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';
import { openai, startFakeOpenAI, type FakeOpenAI } from '../../support/fake-providers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(localPorts: number[] = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-services-'));
  const service: PlumeService = createPlumeService({
    dataDir,
    vault: new FileVault(dataDir),
    mode: 'web',
    version: 'test',
    maxRetries: 0,
    localProbes: localPorts.map((port) => ({ presetId: 'ollama', port })),
  });
  // Retries: the service's last background write (settings, the quick check) may still be closing.
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 }), () => service.close());
  const call = async <C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> => {
    const result = await dispatch(service.handlers, channel, req);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { plume: result.error });
    return result.value as Res<C>;
  };
  return { dataDir, call };
}

async function fakeServer(): Promise<FakeOpenAI> {
  const fake = await startFakeOpenAI();
  cleanups.push(() => fake.close());
  return fake;
}

describe('provider channels', () => {
  it('keeps the key write-only: saved, used, shown only as a hint, never written in clear', async () => {
    const { call, dataDir } = await setup();
    const fake = await fakeServer();
    fake.setModels(['m-1']);
    const key = 'sk-writeonly-9f8e7d6c5b4a';
    const saved = await call('providers:save', { name: 'P', kind: 'openai', baseURL: fake.baseURL, model: 'm-1', apiKey: ` ${key}\n` });
    expect(saved.notices).toEqual(['Removed spaces and line breaks from the key.']);
    expect(saved.provider).toMatchObject({ hasKey: true, keyHint: '…5b4a' });
    expect(JSON.stringify(await call('providers:list', undefined))).not.toContain(key);
    await call('providers:test', { id: saved.provider.id });
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${key}`);
    for (const file of readdirSync(dataDir)) {
      if (file === 'keys.vault.json' || file === 'vault.key') continue;
      expect(readFileSync(join(dataDir, file)).includes(key), file).toBe(false);
    }
  });

  it('refuses bad input and changes nothing', async () => {
    const { call } = await setup();
    await expect(call('providers:save', { name: 'P', kind: 'openai', baseURL: 'api.example.com', model: 'm' })).rejects.toThrow(/must start with http/);
    await expect(call('providers:save', { name: 'P', kind: 'openai', baseURL: 'https://api.example.com/v1', model: '  ' })).rejects.toThrow(/Choose a model/);
    expect(await call('providers:list', undefined)).toEqual([]);
  });

  it('never sends a saved key to a different host than the one it was saved for', async () => {
    const { call } = await setup();
    const home = await fakeServer();
    const elsewhere = await fakeServer();
    const saved = await call('providers:save', { name: 'P', kind: 'openai', baseURL: home.baseURL, model: 'm', apiKey: 'sk-stay-home-123456' });
    await call('providers:test', { id: saved.provider.id, kind: 'openai', baseURL: elsewhere.baseURL });
    expect(elsewhere.requests.at(-1)?.headers.authorization).not.toContain('sk-stay-home');
  });

  it('caches the model list per provider until asked to refresh', async () => {
    const { call } = await setup();
    const fake = await fakeServer();
    fake.setModels(['a', 'b']);
    const { provider } = await call('providers:save', { name: 'P', kind: 'openai', baseURL: fake.baseURL, model: 'a' });
    expect(await call('providers:models', { id: provider.id })).toEqual({ models: ['a', 'b'], cached: false });
    fake.setModels(['a', 'b', 'c']);
    expect(await call('providers:models', { id: provider.id })).toEqual({ models: ['a', 'b'], cached: true });
    expect(await call('providers:models', { id: provider.id, refresh: true })).toEqual({ models: ['a', 'b', 'c'], cached: false });
  });

  it('Test connection names a bad key and a dead port in plain words', async () => {
    const { call } = await setup();
    const fake = await fakeServer();
    fake.nextModelsReply(openai.httpError(401));
    const bad = await call('providers:test', { kind: 'openai', baseURL: fake.baseURL, apiKey: 'sk-nope-123456789' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'auth' } });
    const port = Number(new URL(fake.baseURL).port);
    await fake.close();
    const dead = await call('providers:test', { kind: 'openai', baseURL: `http://127.0.0.1:${port}/v1` });
    expect(dead).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });

  it('finds a local server on a probed loopback port and sets it up in one call', async () => {
    const fake = await fakeServer();
    fake.setModels(['qwen3:4b', 'llama3.2']);
    const port = Number(new URL(fake.baseURL).port);
    const { call } = await setup([port]);
    const [server] = await call('providers:detectLocal', undefined);
    expect(server).toMatchObject({ presetId: 'ollama', baseURL: `http://127.0.0.1:${port}/v1`, models: ['qwen3:4b', 'llama3.2'] });
    const saved = await call('providers:useLocal', { baseURL: server?.baseURL ?? '' });
    expect(saved.provider).toMatchObject({ name: 'Ollama', model: 'qwen3:4b', hasKey: false, presetId: 'ollama' });
    expect((await call('settings:get', undefined)).defaultProviderId).toBe(saved.provider.id);
    await expect(call('providers:useLocal', { baseURL: 'https://attacker.example/v1' })).rejects.toThrow(/not one Plume looks for/);
  });

  it('removing the default provider moves the default to another and forgets its default model', async () => {
    const fake = await fakeServer();
    const { call } = await setup();
    const first = await call('providers:save', { name: 'First', kind: 'openai', baseURL: fake.baseURL, model: 'm1' });
    const second = await call('providers:save', { name: 'Second', kind: 'openai', baseURL: fake.baseURL, model: 'm2' });
    await call('settings:save', { defaultProviderId: first.provider.id, defaultModel: 'm1-large', defaultSystemPrompt: 'Be brief.' });
    await call('providers:remove', { id: first.provider.id });
    expect(await call('settings:get', undefined)).toMatchObject({ defaultProviderId: second.provider.id, defaultModel: null, defaultSystemPrompt: 'Be brief.' });
  });

  it('reads PLUME_LOCAL_PROBES and refuses what is not a local preset', () => {
    expect(localProbesFromEnv('ollama=5000, lmstudio=6000')).toEqual([{ presetId: 'ollama', port: 5000 }, { presetId: 'lmstudio', port: 6000 }]);
    expect(localProbesFromEnv('')).toEqual([]);
    expect(() => localProbesFromEnv('openai=443')).toThrow(/ollama=11434/);
  });
});

describe('settings channels', () => {
  it('stores prices and the idle timeout, and refuses nonsense without changing anything', async () => {
    const { call } = await setup();
    const before = await call('settings:get', undefined);
    expect(before.idleTimeoutSec).toBe(60);
    const next = await call('settings:save', { idleTimeoutSec: 90, prices: [{ model: 'my-model', inputPerMTok: 1, outputPerMTok: 2 }] });
    expect(next).toMatchObject({ idleTimeoutSec: 90, prices: [{ model: 'my-model', inputPerMTok: 1, outputPerMTok: 2 }] });
    await expect(call('settings:save', { idleTimeoutSec: 1 })).rejects.toThrow(/between 5 and 900/);
    await expect(call('settings:save', { prices: [{ model: 'x', inputPerMTok: -1, outputPerMTok: 0 }] })).rejects.toThrow(/zero or more/);
    expect(await call('settings:get', undefined)).toEqual(next);
  });
});
