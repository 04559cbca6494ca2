// Where API keys live. Only main holds a vault; nothing else ever sees a plaintext key.
import type { VaultDescription } from '../../shared/contract';

export type { VaultDescription };

export interface KeyVault {
  get(id: string): Promise<string | undefined>;
  set(id: string, key: string): Promise<void>;
  delete(id: string): Promise<void>;
  has(id: string): Promise<boolean>;
  describe(): VaultDescription;
  /** Only where weak storage needs the user's consent (Linux without a keyring). */
  allowStorageWithoutKeyring?(allowed: boolean): Promise<void>;
}

export class VaultError extends Error {
  override name = 'VaultError';
}
