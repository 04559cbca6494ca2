// A stand-in for Electron's safeStorage (the real one needs the Electron binary and a desktop
// keyring). It "encrypts" by reversing and tagging, which is enough to see what reaches the disk
// and to damage ciphertext on purpose.
import type { SafeStorageLike } from '../../src/main/settings/safe-storage-vault';

const TAG = 'sealed:';
export const seal = (text: string) => Buffer.from(TAG + [...text].reverse().join(''), 'utf8');
function unseal(cipher: Buffer): string {
  const raw = cipher.toString('utf8');
  if (!raw.startsWith(TAG)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  return [...raw.slice(TAG.length)].reverse().join('');
}

export function fakeSafeStorage(overrides: Partial<SafeStorageLike> & { async?: boolean; rotated?: boolean } = {}): SafeStorageLike {
  const { async = true, rotated = false, ...rest } = overrides;
  const sync: SafeStorageLike = {
    encryptString: seal,
    decryptString: unseal,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
  const asyncApi: Partial<SafeStorageLike> = async
    ? {
        encryptStringAsync: async (text) => seal(text),
        decryptStringAsync: async (cipher) => ({ result: unseal(cipher), shouldReEncrypt: rotated }),
        isAsyncEncryptionAvailable: async () => true,
      }
    : {};
  return { ...sync, ...asyncApi, ...rest };
}
