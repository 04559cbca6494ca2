// Both key vaults (browser mode's AES file vault and the desktop safeStorage vault) never lose a
// key they could read: one damaged entry costs that key only, a file that does not parse is kept
// aside byte for byte with a message for Settings, writes keep the previous file and never drop
// a second writer's keys, and a provider whose key cannot be read fails its reply with "key
// unreadable — enter it again" without sending anything to the provider.
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlumeService } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';
import type { KeyVault } from '../../../src/main/settings/key-vault';
import { SafeStorageVault } from '../../../src/main/settings/safe-storage-vault';
import { nodePortPair } from '../../support/node-ports';
import { TestConsumer } from '../../support/reply-consumer';
import { startFakeOpenAI } from '../../support/fake-providers';
import { fakeSafeStorage } from '../../support/fake-safe-storage';
import { tempDirs } from '../../support/temp-dirs';

const fresh = tempDirs('plume-tamper-');

const VAULTS: Array<{ name: string; file: string; open: (dir: string) => Promise<KeyVault> }> = [
  { name: 'file vault (browser mode)', file: 'keys.vault.json', open: async (dir) => new FileVault(dir) },
  {
    name: 'safeStorage vault (desktop)',
    file: 'keys.safe-storage.json',
    open: (dir) => SafeStorageVault.open({ dir, safeStorage: fakeSafeStorage(), platform: 'linux', appReady: true }),
  },
];

const KEYS = { p1: 'sk-first-0123456789abcdef', p2: 'sk-second-0123456789abcdef', p3: 'sk-third-0123456789abcdef' };

async function threeKeys(open: (dir: string) => Promise<KeyVault>, dir: string): Promise<void> {
  const vault = await open(dir);
  for (const [id, key] of Object.entries(KEYS)) await vault.set(id, key);
}

for (const { name, file, open } of VAULTS) {
  describe(name, () => {
    it('one non-string entry costs that key only; the next save keeps all the others', async () => {
      const dir = fresh();
      await threeKeys(open, dir);
      const sealed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, file), JSON.stringify({ ...sealed, p2: 42 }));
      const vault = await open(dir);
      expect(await vault.get('p1')).toBe(KEYS.p1);
      await expect(vault.get('p2')).rejects.toThrow(/key unreadable — enter it again/);
      expect(await vault.get('p3')).toBe(KEYS.p3);
      await vault.set('p4', 'sk-fourth-0123456789abcdef');
      const reopened = await open(dir);
      expect(await reopened.get('p1')).toBe(KEYS.p1);
      expect(await reopened.get('p3')).toBe(KEYS.p3);
      expect(await reopened.get('p4')).toBe('sk-fourth-0123456789abcdef');
      // The damaged entry stays as it was, for whoever wants to look at it.
      expect((JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>).p2).toBe(42);
      // Entering the key again repairs it.
      await reopened.set('p2', KEYS.p2);
      expect(await (await open(dir)).get('p2')).toBe(KEYS.p2);
    });

    it('a file cut by one byte is kept aside unchanged, Settings says so, and new keys are saved', async () => {
      const dir = fresh();
      await threeKeys(open, dir);
      const path = join(dir, file);
      truncateSync(path, readFileSync(path).length - 1);
      const damaged = readFileSync(path);
      const vault = await open(dir);
      expect(await vault.get('p1')).toBeUndefined();
      const aside = readdirSync(dir).filter((f) => f.startsWith(`${file}.unreadable-`));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0]!)).equals(damaged)).toBe(true);
      expect(vault.describe().problem).toMatch(new RegExp(`${file} is damaged.*kept unchanged as ${aside[0]}`));
      await vault.set('p4', 'sk-fourth-0123456789abcdef');
      expect(await (await open(dir)).get('p4')).toBe('sk-fourth-0123456789abcdef');
      // Restarting on the same damage does not pile up copies; the kept copy is never rewritten.
      expect(readFileSync(join(dir, aside[0]!)).equals(damaged)).toBe(true);
    });

    it('a vault that is [] is kept aside, and a key saved after it survives a restart', async () => {
      const dir = fresh();
      writeFileSync(join(dir, file), '[]');
      const vault = await open(dir);
      await vault.set('p1', KEYS.p1);
      expect(await (await open(dir)).get('p1')).toBe(KEYS.p1);
      expect(vault.describe().problem).toMatch(/damaged/);
    });

    it('keeps the previous file beside the new one and leaves no temporary files', async () => {
      const dir = fresh();
      const vault = await open(dir);
      await vault.set('p1', KEYS.p1);
      const first = readFileSync(join(dir, file), 'utf8');
      await vault.set('p2', KEYS.p2);
      expect(readFileSync(join(dir, `${file}.previous`), 'utf8')).toBe(first);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('two vaults on one folder (a second window) keep each other\'s keys', async () => {
      const dir = fresh();
      const a = await open(dir);
      const b = await open(dir);
      await a.set('p1', KEYS.p1);
      await b.get('p1'); // b has read the file once
      await a.set('p2', KEYS.p2);
      await b.set('p3', KEYS.p3);
      const reopened = await open(dir);
      for (const [id, key] of Object.entries(KEYS)) expect(await reopened.get(id)).toBe(key);
    });
  });
}

describe('a provider whose key cannot be read', () => {
  it('fails its reply with "key unreadable — enter it again" and sends nothing to the provider', async () => {
    const fake = await startFakeOpenAI();
    const dir = fresh();
    try {
      const service = createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: 'web', version: 't', maxRetries: 0 });
      const { provider } = await service.handlers['providers:save']({ name: 'Mine', kind: 'openai', baseURL: fake.baseURL, model: 'gpt-t', apiKey: KEYS.p1 });
      const conversation = await service.handlers['conversations:create']({ providerId: provider.id, model: 'gpt-t' });
      service.close();

      // The vault file is cut: every key in it is gone.
      const path = join(dir, 'keys.vault.json');
      truncateSync(path, readFileSync(path).length - 1);
      const after = createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: 'web', version: 't', maxRetries: 0 });
      const [view] = await after.handlers['providers:list']();
      expect(view).toMatchObject({ hasKey: false, keyUnreadable: true });
      expect((await after.handlers['app:info']()).vault.problem).toMatch(/damaged/);
      const { main, renderer } = nodePortPair();
      after.openStream({ conversationId: conversation.id, providerId: provider.id, model: 'gpt-t', action: { kind: 'send', text: 'hi' } }, main);
      const consumer = new TestConsumer(renderer, { autoGrant: true });
      await consumer.until(() => consumer.ended !== undefined || consumer.lost);
      renderer.close();
      expect(consumer.ended?.outcome.error?.message).toMatch(/“Mine”: API key unreadable — enter it again/);
      expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
      after.close();
    } finally {
      await fake.close();
    }
  });

  it('changing the base URL to another host needs the key again; the same host keeps it', async () => {
    const dir = fresh();
    const service = createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: 'web', version: 't' });
    const { provider } = await service.handlers['providers:save']({ name: 'Mine', kind: 'openai', baseURL: 'https://api.example.com/v1', model: 'm', apiKey: KEYS.p1 });
    const base = { id: provider.id, name: 'Mine', kind: 'openai' as const, model: 'm' };
    await expect(service.handlers['providers:save']({ ...base, baseURL: 'http://127.0.0.1:9/v1' })).rejects.toThrow(/another host.*Enter the API key again/);
    expect((await service.handlers['providers:list']())[0]).toMatchObject({ baseURL: 'https://api.example.com/v1', hasKey: true });
    // Same host, other path: the key stays.
    const samePlace = await service.handlers['providers:save']({ ...base, baseURL: 'https://api.example.com/v2' });
    expect(samePlace.provider).toMatchObject({ hasKey: true });
    // Another host with a new key: saved, bound to the new host.
    const moved = await service.handlers['providers:save']({ ...base, baseURL: 'http://127.0.0.1:9/v1', apiKey: KEYS.p2 });
    expect(moved.provider).toMatchObject({ hasKey: true, keyHint: '…cdef' });
    // Or the key removed on purpose.
    const cleared = await service.handlers['providers:save']({ ...base, baseURL: 'https://other.example/v1', apiKey: '' });
    expect(cleared.provider).toMatchObject({ hasKey: false });
    expect(existsSync(join(dir, 'providers.json'))).toBe(true);
    expect(readFileSync(join(dir, 'providers.json'), 'utf8')).not.toContain('keyFor": "http://127.0.0.1:9');
    service.close();
  });

  it('saved header values stay with their host too: moving the provider drops them with a notice', async () => {
    const dir = fresh();
    const service = createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: 'web', version: 't' });
    const base = { name: 'Gateway', kind: 'openai' as const, model: 'm' };
    const { provider } = await service.handlers['providers:save']({ ...base, baseURL: 'https://gw.example/v1', headers: { 'x-gateway-token': 'gw-live-0123456789abcdef' } });
    expect(provider.headerNames).toEqual(['x-gateway-token']);
    const moved = await service.handlers['providers:save']({ ...base, id: provider.id, baseURL: 'https://elsewhere.example/v1' });
    expect(moved.notices.join(' ')).toMatch(/extra headers \(x-gateway-token\) were removed: they were entered for https:\/\/gw\.example/);
    expect(moved.provider.headerNames).toBeUndefined();
    service.close();
    const reopened = new FileVault(dir);
    expect(await reopened.get(`${provider.id}#headers`)).toBeUndefined();
  });
});
