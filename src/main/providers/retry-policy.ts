// When and how long to wait before trying a failed request again. Plume retries itself, rather
// than letting the SDKs do it out of sight, so the window can say what is happening and the idle
// watchdog can stand aside during the wait. The rules follow the SDKs' own: connection failures,
// 408, 409, 429 and 5xx are retried, `x-should-retry` overrides, `retry-after(-ms)` is honoured.
import type { RetryReason } from '../../shared/retry';
import { readErrorFacts } from './error-facts';

/** A provider asking for a longer wait gets an error saying so, not a frozen reply. */
const MAX_HONOURED_WAIT_SEC = 60;
const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 8000;

export interface RetryPlan {
  reason: RetryReason;
  waitMs: number;
}

/** `attempt` is the one that just failed (1 = the first request). */
export function planRetry(error: unknown, attempt: number, random: () => number = Math.random): RetryPlan | undefined {
  const facts = readErrorFacts(error);
  const reason = retryReason(facts.status, facts.providerCode, facts.connectionFailed, shouldRetryHeader(error));
  if (!reason) return undefined;
  if (facts.retryAfterSec !== undefined) {
    if (facts.retryAfterSec > MAX_HONOURED_WAIT_SEC) return undefined;
    return { reason, waitMs: facts.retryAfterSec * 1000 };
  }
  // Exponential back-off with up to a quarter of jitter taken off, like the SDKs.
  const backoff = Math.min(BACKOFF_START_MS * 2 ** (attempt - 1), BACKOFF_MAX_MS);
  return { reason, waitMs: Math.round(backoff * (1 - random() * 0.25)) };
}

function retryReason(
  status: number | undefined,
  code: string | undefined,
  connectionFailed: boolean,
  shouldRetry: boolean | undefined,
): RetryReason | undefined {
  if (shouldRetry === false) return undefined;
  if (connectionFailed) return 'connection';
  if (status === undefined) return undefined;
  if (status === 429) return 'rate_limit';
  if (status === 529 || status === 503 || code === 'overloaded_error') return 'overloaded';
  if (shouldRetry === true || status === 408 || status === 409 || status >= 500) return 'server';
  return undefined;
}

function shouldRetryHeader(error: unknown): boolean | undefined {
  const headers = (error as { headers?: unknown } | null)?.headers;
  if (!(headers instanceof Headers)) return undefined;
  const value = headers.get('x-should-retry');
  return value === 'true' ? true : value === 'false' ? false : undefined;
}
