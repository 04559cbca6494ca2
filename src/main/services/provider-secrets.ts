// A provider's saved secrets (its API key and extra header values) are bound to the host they
// were entered for: providers.json records that origin beside the provider, and a key goes only
// to a base URL with that same origin. A provider whose saved key cannot be read fails its calls
// with "key unreadable — enter it again" instead of going out with no key or a placeholder.
import type { KeyVault } from '../settings/key-vault';
import type { ProviderRecord } from '../settings/provider-settings';
import { KEY_UNREADABLE } from '../settings/sealed-entries';
import { InvalidInput } from './request-validation';

/** What providers.json holds besides the base record: never a key, never a header value. */
export type StoredProvider = ProviderRecord & {
  presetId?: string;
  headerNames?: string[];
  /** Origin the saved key was entered for; absent when no key is saved. */
  keyFor?: string;
  /** Origin the saved header values were entered for; absent when none are saved. */
  headersFor?: string;
};

export interface ProviderSecrets {
  apiKey?: string;
  headers?: Record<string, string>;
}

/** Header values can be credentials too, so they live in the vault beside the key. */
export const headersSlot = (id: string) => `${id}#headers`;

export function originOf(baseURL: string): string {
  return URL.parse(baseURL)?.origin ?? baseURL;
}

/** The saved key and headers, for a call to the provider's own base URL; throws when unusable. */
export async function savedSecrets(vault: KeyVault, record: StoredProvider): Promise<ProviderSecrets> {
  const origin = originOf(record.baseURL);
  const unreadable = (what: string, why: string) => new InvalidInput(`“${record.name}”: ${what} ${KEY_UNREADABLE} in Settings → Providers (${why}).`);
  const out: ProviderSecrets = {};

  const apiKey = await vault.get(record.id).catch(() => {
    throw unreadable('API', 'the vault could not decrypt it');
  });
  if (record.keyFor !== undefined && !apiKey) throw unreadable('API', 'the saved key is missing from the vault');
  if (apiKey && record.keyFor !== undefined && record.keyFor !== origin) {
    throw unreadable('API', `it was entered for ${record.keyFor}, not ${origin}`);
  }
  if (apiKey) out.apiKey = apiKey;

  const headersText = await vault.get(headersSlot(record.id)).catch(() => {
    throw unreadable('extra headers', 'their saved values could not be read');
  });
  if (headersText) {
    if (record.headersFor !== undefined && record.headersFor !== origin) {
      throw unreadable('extra headers', `they were entered for ${record.headersFor}, not ${origin}`);
    }
    const headers = parseHeaders(headersText);
    if (!headers) throw unreadable('extra headers', 'their saved values are damaged');
    if (Object.keys(headers).length) out.headers = headers;
  } else if (record.headersFor !== undefined) {
    throw unreadable('extra headers', 'their saved values are missing from the vault');
  }
  return out;
}

function parseHeaders(text: string): Record<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return Object.values(parsed).every((v) => typeof v === 'string') ? (parsed as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}
