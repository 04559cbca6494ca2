// Where API keys live. Only main holds a vault; nothing else ever sees a plaintext key.

export interface VaultDescription {
  /** e.g. 'aes-gcm-file', 'safe-storage:gnome_libsecret' */
  backend: string;
  /** One sentence for the settings screen about how keys are protected here. */
  note: string;
}

export interface KeyVault {
  get(id: string): Promise<string | undefined>;
  set(id: string, key: string): Promise<void>;
  delete(id: string): Promise<void>;
  has(id: string): Promise<boolean>;
  describe(): VaultDescription;
}

export class VaultError extends Error {
  override name = 'VaultError';
}
