// Browser mode's key vault: AES-256-GCM with a 0600 key file. Damage of any kind gives a clear
// error and reads as "no key", never a crash and never the ciphertext or another key.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlumeService } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';
import { VaultError } from '../../../src/main/settings/key-vault';

const KEY = 'sk-proj-VAULT-TEST-0123456789abcdef';
const fresh = () => mkdtempSync(join(tmpdir(), 'plume-vault-'));

describe('file vault', () => {
  it('round-trips a key; only ciphertext and a private key file are on disk', async () => {
    const dir = fresh();
    await new FileVault(dir).set('p1', KEY);
    const reopened = new FileVault(dir);
    expect(await reopened.get('p1')).toBe(KEY);
    expect(await reopened.has('p1')).toBe(true);
    expect(readFileSync(join(dir, 'keys.vault.json'), 'utf8')).not.toContain('VAULT-TEST');
    expect(statSync(join(dir, 'vault.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys.vault.json')).mode & 0o777).toBe(0o600);
    await reopened.delete('p1');
    expect(await new FileVault(dir).get('p1')).toBeUndefined();
  });

  it('with a different key file, says the key cannot be decrypted and reports it missing', async () => {
    const dir = fresh();
    await new FileVault(dir).set('p1', KEY);
    writeFileSync(join(dir, 'vault.key'), Buffer.alloc(32, 7));
    const vault = new FileVault(dir);
    await expect(vault.get('p1')).rejects.toThrow(VaultError);
    await expect(vault.get('p1')).rejects.toThrow(/key unreadable — enter it again.*could not be decrypted/);
    expect(await vault.has('p1')).toBe(false);
  });

  it('with damaged ciphertext, the same clear error, and other keys still work', async () => {
    const dir = fresh();
    const vault = new FileVault(dir);
    await vault.set('p1', KEY);
    await vault.set('p2', 'sk-other-987654321');
    const file = join(dir, 'keys.vault.json');
    const sealed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const bytes = Buffer.from(sealed.p1 as string, 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(file, JSON.stringify({ ...sealed, p1: bytes.toString('base64') }));
    const reopened = new FileVault(dir);
    await expect(reopened.get('p1')).rejects.toThrow(/could not be decrypted/);
    expect(await reopened.has('p1')).toBe(false);
    expect(await reopened.get('p2')).toBe('sk-other-987654321');
  });

  it('a damaged key reaches the window as "no key set", and the app keeps working', async () => {
    const dir = fresh();
    const service = createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: 'web', version: 't' });
    const saved = await service.handlers['providers:save']({ name: 'Mine', kind: 'openai', baseURL: 'http://127.0.0.1:9/v1', model: 'm', apiKey: KEY });
    expect(saved.provider.hasKey).toBe(true);
    writeFileSync(join(dir, 'vault.key'), Buffer.alloc(32, 1));
    const after = createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: 'web', version: 't' });
    const [view] = await after.handlers['providers:list']();
    expect(view).toMatchObject({ id: saved.provider.id, hasKey: false, keyHint: null });
    service.close();
    after.close();
  });

  it('a vault file that is not JSON reads as empty and can be written again', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'keys.vault.json'), '{ not json');
    const vault = new FileVault(dir);
    expect(await vault.get('p1')).toBeUndefined();
    await vault.set('p1', KEY);
    expect(await new FileVault(dir).get('p1')).toBe(KEY);
  });
});
