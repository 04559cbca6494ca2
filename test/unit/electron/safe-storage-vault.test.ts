// The safeStorage vault against a stand-in for Electron's safeStorage (the real one needs the
// Electron binary and a desktop keyring). The stand-in "encrypts" by reversing and tagging, which
// is enough to see what reaches the disk and to damage ciphertext on purpose.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/main/settings/key-vault';
import { SafeStorageVault, type SafeStorageLike } from '../../../src/main/settings/safe-storage-vault';
import { fakeSafeStorage, seal } from '../../support/fake-safe-storage';
import { createPlumeService } from '../../../src/main/services/plume-service';
import type { DesktopPreferences } from '../../../src/shared/contract';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plume-vault-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (safeStorage: SafeStorageLike, platform: NodeJS.Platform = 'linux') =>
  SafeStorageVault.open({ dir, safeStorage, platform, appReady: true });
const onDisk = () => readFileSync(join(dir, 'keys.safe-storage.json'), 'utf8');

describe('SafeStorageVault with a keyring', () => {
  it('stores only ciphertext and reads the key back', async () => {
    const vault = await open(fakeSafeStorage());
    await vault.set('p1', 'sk-live-secret-123');
    expect(onDisk()).not.toContain('sk-live-secret-123');
    expect(await vault.get('p1')).toBe('sk-live-secret-123');
    const reopened = await open(fakeSafeStorage());
    expect(await reopened.get('p1')).toBe('sk-live-secret-123');
    expect(await reopened.has('p1')).toBe(true);
    expect(vault.describe()).toMatchObject({ backend: 'safe-storage:gnome_libsecret' });
  });

  it('uses the synchronous API on an Electron without the async one', async () => {
    const vault = await open(fakeSafeStorage({ async: false }));
    await vault.set('p1', 'sk-sync');
    expect(await vault.get('p1')).toBe('sk-sync');
  });

  it('deletes keys and says a missing key is missing', async () => {
    const vault = await open(fakeSafeStorage());
    await vault.set('p1', 'sk-a');
    await vault.delete('p1');
    await vault.delete('never-there');
    expect(await vault.get('p1')).toBeUndefined();
    expect(await vault.has('p1')).toBe(false);
  });

  it('names the keychain on macOS and DPAPI on Windows', async () => {
    expect((await open(fakeSafeStorage(), 'darwin')).describe().note).toMatch(/keychain/);
    expect((await open(fakeSafeStorage(), 'win32')).describe().note).toMatch(/dpapi/);
  });

  it('stores a key again when the keyring asks for re-encryption', async () => {
    const vault = await open(fakeSafeStorage());
    await vault.set('p1', 'sk-old');
    const raw = JSON.parse(onDisk()) as Record<string, string>;
    writeFileSync(join(dir, 'keys.safe-storage.json'), JSON.stringify({ p1: raw.p1, p2: raw.p1 }));
    let encryptions = 0;
    const counting = fakeSafeStorage({ rotated: true, encryptStringAsync: async (text) => (encryptions++, seal(text)) });
    expect(await (await open(counting)).get('p1')).toBe('sk-old');
    expect(encryptions).toBe(1);
  });
});

describe('SafeStorageVault without protection', () => {
  it('refuses to open before the app is ready', async () => {
    await expect(SafeStorageVault.open({ dir, safeStorage: fakeSafeStorage(), platform: 'linux', appReady: false })).rejects.toThrow(VaultError);
  });

  it('refuses to store keys under Linux basic_text unless the user opted in, and remembers the opt-in', async () => {
    const basic = fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' });
    const vault = await open(basic);
    expect(vault.describe().note).toMatch(/No keyring/);
    expect(vault.canStore).toBe(false);
    await expect(vault.set('p1', 'sk-x')).rejects.toThrow(/will not save API keys/);
    expect(() => onDisk()).toThrow(/ENOENT/);

    await vault.allowStorageWithoutKeyring(true);
    const later = await open(basic);
    expect(later.canStore).toBe(true);
    expect(later.describe().note).toMatch(/publicly known password/);
    await later.set('p1', 'sk-x');
    expect(await later.get('p1')).toBe('sk-x');
  });

  it('refuses to store when the system has no encryption at all, even after the opt-in', async () => {
    const none = fakeSafeStorage({ isAsyncEncryptionAvailable: async () => false, getSelectedStorageBackend: () => 'basic_text' });
    const vault = await open(none);
    await vault.allowStorageWithoutKeyring(true);
    await expect(vault.set('p1', 'sk-x')).rejects.toThrow(VaultError);
    expect(vault.describe().note).toMatch(/cannot save API keys/);
  });

  it('reports a damaged key as missing with a clear error and keeps the others', async () => {
    const vault = await open(fakeSafeStorage());
    await vault.set('good', 'sk-good');
    const raw = JSON.parse(onDisk()) as Record<string, string>;
    writeFileSync(join(dir, 'keys.safe-storage.json'), JSON.stringify({ ...raw, bad: Buffer.from('garbage').toString('base64') }));
    const reopened = await open(fakeSafeStorage());
    await expect(reopened.get('bad')).rejects.toThrow(/key unreadable — enter it again.*could not be decrypted/);
    expect(await reopened.has('bad')).toBe(false);
    expect(await reopened.get('good')).toBe('sk-good');
  });

  it('starts empty when the key file itself is unreadable JSON', async () => {
    writeFileSync(join(dir, 'keys.safe-storage.json'), '{"p1": "abc"');
    const vault = await open(fakeSafeStorage());
    expect(await vault.has('p1')).toBe(false);
    await vault.set('p1', 'sk-new');
    expect(await vault.get('p1')).toBe('sk-new');
  });
});

describe('consent and preferences through the contract', () => {
  it('without a keyring, saving a key is refused with the reason until the user consents in Settings', async () => {
    const vault = await open(fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }));
    const service = createPlumeService({ dataDir: dir, vault, mode: 'electron', version: 't' });
    const info = await service.handlers['app:info']();
    expect(info.vault).toMatchObject({ canStore: false, canOptIn: true });
    const input = { name: 'Mine', kind: 'openai' as const, baseURL: 'https://api.example.com/v1', model: 'm', apiKey: 'sk-consent-0123456789' };
    await expect(service.handlers['providers:save'](input)).rejects.toThrow(/No keyring .* will not save API keys/);
    expect(await service.handlers['vault:allowWithoutKeyring']({ allowed: true })).toMatchObject({ canStore: true, canOptIn: true });
    const saved = await service.handlers['providers:save'](input);
    expect(saved.provider.hasKey).toBe(true);
    service.close();
  });

  it('desktop preferences are null in browser mode and saved through the desktop store otherwise', async () => {
    const web = createPlumeService({ dataDir: dir, vault: await open(fakeSafeStorage()), mode: 'web', version: 't' });
    expect(await web.handlers['preferences:desktop']({})).toBeNull();
    web.close();
    let stored: DesktopPreferences = { notifyWhenReplyDone: false };
    const desktop = createPlumeService({
      dataDir: dir,
      vault: await open(fakeSafeStorage()),
      mode: 'electron',
      version: 't',
      desktopPreferences: { get: async () => stored, set: async (change) => (stored = { ...stored, ...change }) },
    });
    expect(await desktop.handlers['preferences:desktop']({ notifyWhenReplyDone: true })).toEqual({ notifyWhenReplyDone: true });
    expect(stored.notifyWhenReplyDone).toBe(true);
    expect(await desktop.handlers['preferences:desktop']({ notifyWhenReplyDone: 'yes' as unknown as boolean })).toEqual({ notifyWhenReplyDone: true });
    desktop.close();
  });
});

