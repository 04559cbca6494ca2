// "Test connection" in the provider settings: one cheap listing call that tells a bad key, a
// missing permission, a wrong or dead base URL and a struggling provider apart.
import type { PlumeError } from '../../shared/provider-events';
import { ProviderFailure } from './errors';
import { listModels } from './models';
import type { AdapterKind, ProviderCallConfig } from './types';

export type ConnectionCheck = { ok: true; models: string[] } | { ok: false; error: PlumeError };

/** Short: a person is waiting, and a healthy server answers a listing at once. */
const CONNECTION_CHECK_TIMEOUT_MS = 10_000;

export async function testConnection(
  kind: AdapterKind,
  config: ProviderCallConfig,
  signal?: AbortSignal,
): Promise<ConnectionCheck> {
  // No retries: the point is to report the first answer, not to hide it.
  const quick: ProviderCallConfig = { ...config, maxRetries: 0, timeoutMs: config.timeoutMs ?? CONNECTION_CHECK_TIMEOUT_MS };
  try {
    return { ok: true, models: await listModels(kind, quick, signal) };
  } catch (error) {
    if (error instanceof ProviderFailure) return { ok: false, error: error.plume };
    throw error; // a bug of ours, not a verdict on the provider
  }
}
