// Sends the request, and when it fails in a way worth retrying, says so (a `retry` event the
// window shows as a countdown), waits and tries again. Only ever before the first byte of a
// reply: a stream that has started is never sent twice.
import type { ProviderEvent } from '../../shared/provider-events';
import { ProviderFailure, toProviderFailure, type FailureContext } from './errors';
import { planRetry } from './retry-policy';

export interface OpenOptions<T> {
  open: () => Promise<T>;
  /** Retries after the first attempt (the SDKs' `maxRetries`). */
  maxRetries: number;
  signal: AbortSignal;
  failure: Omit<FailureContext, 'phase'>;
}

/** Returns what `open` resolved to, or undefined when the caller aborted meanwhile. */
export async function* openWithRetries<T>(options: OpenOptions<T>): AsyncGenerator<ProviderEvent, T | undefined> {
  const attempts = options.maxRetries + 1;
  const startedAt = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.open();
    } catch (error) {
      // The caller aborted: it already knows how this ended, so there is nothing to report.
      if (options.signal.aborted) return undefined;
      const plan = attempt < attempts ? planRetry(error, attempt) : undefined;
      if (!plan) throw afterAttempts(toProviderFailure(error, { ...options.failure, phase: 'request' }), attempt, startedAt);
      yield { type: 'retry', notice: { reason: plan.reason, attempt: attempt + 1, of: attempts, waitMs: plan.waitMs } };
      if (!(await sleep(plan.waitMs, options.signal))) return undefined;
    }
  }
}

/** The final error says that Plume did not give up at the first failure. */
function afterAttempts(failure: ProviderFailure, attempts: number, startedAt: number): ProviderFailure {
  if (attempts === 1) return failure;
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  return new ProviderFailure({ ...failure.plume, message: `${failure.plume.message} (Plume tried ${attempts} times over ${seconds} s.)` });
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
