// The desktop app's vault: each key is encrypted by the OS keyring through Electron's safeStorage
// (Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux) and only ciphertext is
// written to disk. On Linux without a keyring Electron falls back to `basic_text`, a hard-coded
// password that protects nothing; keys are then refused until the user explicitly accepts that.
import type { SafeStorage } from 'electron';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';
import { type KeyVault, type VaultDescription, VaultError } from './key-vault';
import { KEY_UNREADABLE, SealedEntries } from './sealed-entries';

/** The part of Electron's `safeStorage` this vault uses; injected so tests can stand in for it. */
export type SafeStorageLike = Pick<SafeStorage, 'encryptString' | 'decryptString' | 'isEncryptionAvailable' | 'getSelectedStorageBackend'> &
  Partial<Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable'>>;

export interface SafeStorageVaultOptions {
  dir: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** safeStorage reports "unavailable" before `ready`; opening earlier is a programming error. */
  appReady: boolean;
}

const DATA_FILE = 'keys.safe-storage.json';
const SETTINGS_FILE = 'vault-settings.json';

interface VaultSettings {
  /** The user accepted storing keys under Linux's `basic_text` backend. */
  allowBasicText?: boolean;
}

export class SafeStorageVault implements KeyVault {
  /** id → base64 ciphertext */
  private readonly entries: SealedEntries;

  private constructor(
    private readonly options: SafeStorageVaultOptions,
    private readonly available: boolean,
    private readonly backend: string,
    private allowBasicText: boolean,
  ) {
    this.entries = new SealedEntries(join(options.dir, DATA_FILE));
  }

  static async open(options: SafeStorageVaultOptions): Promise<SafeStorageVault> {
    if (!options.appReady) throw new VaultError('The key vault was opened before the app was ready; safeStorage is not usable yet.');
    const storage = options.safeStorage;
    const available = storage.isAsyncEncryptionAvailable ? await storage.isAsyncEncryptionAvailable() : storage.isEncryptionAvailable();
    const backend = options.platform === 'linux' ? storage.getSelectedStorageBackend() : options.platform === 'darwin' ? 'keychain' : 'dpapi';
    const settings = await readJson<VaultSettings>(join(options.dir, SETTINGS_FILE), {});
    return new SafeStorageVault(options, available, backend, settings.allowBasicText === true);
  }

  /** Keys can be written: a real keyring, or basic_text the user has accepted. */
  get canStore(): boolean {
    return this.available && (!this.weakBackend || this.allowBasicText);
  }

  private get weakBackend(): boolean {
    return this.backend === 'basic_text' || this.backend === 'unknown';
  }

  /** Records the user's explicit consent to store keys without a keyring (Linux only). */
  async allowStorageWithoutKeyring(allowed: boolean): Promise<void> {
    this.allowBasicText = allowed;
    await writeJsonFile(join(this.options.dir, SETTINGS_FILE), { allowBasicText: allowed } satisfies VaultSettings, { secret: true });
  }

  describe(): VaultDescription {
    const problem = this.entries.problem;
    return problem ? { ...this.describeBackend(), problem } : this.describeBackend();
  }

  private describeBackend(): VaultDescription {
    const backend = `safe-storage:${this.backend}`;
    if (!this.available) {
      return { backend, canStore: false, canOptIn: false, note: 'This system offers no encryption for stored secrets, so Plume cannot save API keys. Keys already saved cannot be read.' };
    }
    if (this.weakBackend && !this.allowBasicText) {
      return {
        backend,
        canStore: false,
        canOptIn: true,
        note: 'No keyring (GNOME Keyring, KWallet) was found, so Plume will not save API keys: without one they would be stored with a fixed, publicly known password. Install or unlock a keyring, or accept the risk in Settings (or by starting Plume once with --allow-keys-without-keyring).',
      };
    }
    if (this.weakBackend) {
      return { backend, canStore: true, canOptIn: true, note: 'No keyring was found and you chose to save keys anyway: they are stored with a fixed, publicly known password, which hides them from a casual look only.' };
    }
    return { backend, canStore: true, canOptIn: false, note: `Keys are encrypted by the system keyring (${this.backend}); only ciphertext is written to disk.` };
  }

  async get(id: string): Promise<string | undefined> {
    const sealed = await this.entries.read(id);
    if (sealed === undefined) return undefined;
    const { text, reEncrypt } = await this.decrypt(sealed);
    // The keyring rotated its key: store the key again under the new one, best effort.
    if (reEncrypt && this.canStore) await this.set(id, text).catch(() => undefined);
    return text;
  }

  /** True only for a key that can actually be read back: a damaged one counts as missing. */
  async has(id: string): Promise<boolean> {
    return (await this.get(id).catch(() => undefined)) !== undefined;
  }

  async set(id: string, key: string): Promise<void> {
    if (!this.canStore) throw new VaultError(this.describe().note);
    const storage = this.options.safeStorage;
    const cipher = storage.encryptStringAsync ? await storage.encryptStringAsync(key) : storage.encryptString(key);
    await this.entries.write(id, cipher.toString('base64'));
  }

  async delete(id: string): Promise<void> {
    await this.entries.remove(id);
  }

  private async decrypt(sealed: string): Promise<{ text: string; reEncrypt: boolean }> {
    const storage = this.options.safeStorage;
    try {
      const cipher = Buffer.from(sealed, 'base64');
      if (storage.decryptStringAsync) {
        const { result, shouldReEncrypt } = await storage.decryptStringAsync(cipher);
        return { text: result, reEncrypt: shouldReEncrypt };
      }
      return { text: storage.decryptString(cipher), reEncrypt: false };
    } catch {
      throw new VaultError(`The saved API ${KEY_UNREADABLE} (it could not be decrypted: the keyring changed or the file is damaged).`);
    }
  }
}

/** A missing or damaged file reads as `fallback`: losing a key beats refusing to start. */
async function readJson<T>(path: string, fallback: T, valid: (value: unknown) => boolean = isObject): Promise<T> {
  const parsed = await readJsonFile(path);
  return parsed !== undefined && valid(parsed) ? (parsed as T) : fallback;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
