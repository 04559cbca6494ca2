// Whether to tell the user, with a desktop notification, that a reply finished. Off unless the
// user turned it on; only when they are looking elsewhere; only for replies long enough that
// they may have gone away (a notification for a two-second answer is noise). Any conversation's
// reply counts, on screen or not; but never while the window is focused: there the sidebar marks
// a conversation whose reply finished while the user was in another one.
import type { ReplyResult } from '../stream/reply-session';

const LONG_REPLY_MS = 15_000;

export interface NotifyContext {
  enabled: boolean;
  windowFocused: boolean;
}

export function shouldNotifyReplyDone(result: Pick<ReplyResult, 'outcome'>, context: NotifyContext): boolean {
  if (!context.enabled || context.windowFocused || result.outcome.state !== 'complete') return false;
  return estimatedDurationMs(result) >= LONG_REPLY_MS;
}

/** Time to first token plus output tokens at the measured rate: the stats carry no end time. */
function estimatedDurationMs({ outcome: { stats } }: Pick<ReplyResult, 'outcome'>): number {
  // The rate counts reasoning too (it streams like the answer), so the duration must as well.
  const tokens = (stats.usage.outputTokens ?? 0) + (stats.estimated ? 0 : (stats.usage.reasoningTokens ?? 0));
  const streaming = stats.tokensPerSec && stats.tokensPerSec > 0 ? (tokens / stats.tokensPerSec) * 1000 : 0;
  return (stats.ttftMs ?? 0) + streaming;
}

export function notificationBody(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat || 'The reply is ready.';
}
