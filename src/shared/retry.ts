// What the window shows while main waits to try a failed request again, so a rate limit or an
// overloaded provider is visible instead of a silent "…".

export type RetryReason = 'rate_limit' | 'overloaded' | 'server' | 'connection';

export interface RetryNotice {
  reason: RetryReason;
  /** The attempt about to be made: 2 is the first retry. */
  attempt: number;
  /** Attempts in all, the first one included. */
  of: number;
  /** How long main waits before that attempt. */
  waitMs: number;
}

const WHAT: Record<RetryReason, string> = {
  rate_limit: 'Rate limited',
  overloaded: 'Provider overloaded',
  server: 'Provider error',
  connection: 'Could not connect',
};

/** "Rate limited — retrying in 7 s (attempt 2 of 3)"; "… retrying now …" once the wait is over. */
export function retryText(notice: RetryNotice, secondsLeft: number): string {
  const when = secondsLeft > 0 ? `in ${secondsLeft} s` : 'now';
  return `${WHAT[notice.reason]} — retrying ${when} (attempt ${notice.attempt} of ${notice.of})`;
}
