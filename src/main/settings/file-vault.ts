// Browser mode's vault: AES-256-GCM with a random key kept in a file of mode 0600 beside the
// ciphertext. That protects against other users on the machine and against the ciphertext
// leaking alone (a synced folder, a backup), not against this user's own processes — the
// settings screen says so.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type KeyVault, VaultError } from './key-vault';
import { KEY_UNREADABLE, SealedEntries } from './sealed-entries';

const KEY_FILE = 'vault.key';
const DATA_FILE = 'keys.vault.json';

export class FileVault implements KeyVault {
  private masterKey: Buffer | undefined;
  /** id → base64(iv | tag | ciphertext) */
  private readonly entries: SealedEntries;

  constructor(private readonly dir: string) {
    this.entries = new SealedEntries(join(dir, DATA_FILE));
  }

  describe() {
    return {
      backend: 'aes-gcm-file',
      canStore: true,
      canOptIn: false,
      note: `Keys are encrypted with AES-256-GCM; the encryption key is in ${join(this.dir, KEY_FILE)} (readable only by you).`,
      ...(this.entries.problem ? { problem: this.entries.problem } : {}),
    };
  }

  async get(id: string): Promise<string | undefined> {
    const sealed = await this.entries.read(id);
    if (sealed === undefined) return undefined;
    const raw = Buffer.from(sealed, 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', await this.key(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultError(`The saved API ${KEY_UNREADABLE} (it could not be decrypted: the vault key file changed or the data is damaged).`);
    }
  }

  /** True only for a key that can actually be read back: a damaged one counts as missing. */
  async has(id: string): Promise<boolean> {
    return (await this.get(id).catch(() => undefined)) !== undefined;
  }

  async set(id: string, key: string): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.key(), iv);
    const body = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
    await this.entries.write(id, Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'));
  }

  async delete(id: string): Promise<void> {
    await this.entries.remove(id);
  }

  private async key(): Promise<Buffer> {
    if (this.masterKey) return this.masterKey;
    const path = join(this.dir, KEY_FILE);
    try {
      const key = await readFile(path);
      if (key.length !== 32) throw new VaultError(`The vault key file ${path} is damaged (wrong length).`);
      this.masterKey = key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(this.dir, { recursive: true });
      const key = randomBytes(32);
      await writeFile(path, key, { mode: 0o600, flag: 'wx' });
      await chmod(path, 0o600);
      this.masterKey = key;
    }
    return this.masterKey;
  }
}
