// One reply: runs a provider adapter and feeds its events to the reply's port. The session owns
// the request's AbortController, so Stop, a closed window and the idle watchdog all end up
// aborting the HTTP request the same way.
import type { ReplyOutcome, ReplyPlacement } from '../../shared/chat';
import type { FinishReason, PlumeError, ToolCallEvent } from '../../shared/provider-events';
import type { PortLike } from '../../shared/port/port';
import { ReplySender } from '../../shared/port/reply-sender';
import type { ProviderAdapter, ProviderCall } from '../providers/types';
import { asPlumeError, STOP_MESSAGES } from './failure';
import { IdleWatchdog } from './idle-watchdog';
import { StatsClock } from './reply-stats';

export interface ReplySessionOptions {
  adapter: ProviderAdapter;
  call: ProviderCall;
  port: PortLike;
  idleTimeoutMs: number;
  creditWindow?: number;
  /** Told to the window before any text, so it can show the reply in its place. */
  placement?: ReplyPlacement;
  /** Progress hook for persistence; called with the sender so it can read text lazily. */
  onProgress?: (sender: ReplySender) => void;
}

export interface ReplyResult {
  outcome: ReplyOutcome;
  text: string;
  reasoning: string;
}

type StopCause = 'stopped' | 'gone' | 'stalled';

export async function runReplySession(options: ReplySessionOptions): Promise<ReplyResult> {
  const controller = new AbortController();
  let cause: StopCause | undefined;
  const abort = (why: StopCause) => {
    cause ??= why;
    controller.abort(why);
  };

  const sender = new ReplySender(
    options.port,
    { onStop: () => abort('stopped'), onGone: () => abort('gone') },
    options.creditWindow,
  );
  const clock = new StatsClock();
  const watchdog = new IdleWatchdog(options.idleTimeoutMs, () => abort('stalled'));
  let finish: FinishReason | undefined;
  let failure: PlumeError | undefined;

  if (options.placement) sender.setPlacement(options.placement);
  watchdog.start();
  try {
    const events = options.adapter.stream(options.call, {
      signal: controller.signal,
      onBytes: () => watchdog.kick(),
    });
    for await (const event of events) {
      if (controller.signal.aborted) break;
      switch (event.type) {
        case 'text':
        case 'reasoning': {
          if (event.text.length === 0) break;
          const ttft = clock.markToken();
          if (ttft !== undefined) sender.setTtft(ttft);
          if (event.type === 'text') sender.pushText(event.text);
          else sender.pushReasoning(event.text);
          options.onProgress?.(sender);
          break;
        }
        case 'usage':
          clock.addUsage(event.usage);
          break;
        case 'finish':
          finish = event.reason;
          break;
        case 'tool-call-start':
        case 'tool-call-delta':
        case 'tool-call-end': {
          // A reply that is only a tool call still has a first token.
          const ttft = clock.markToken();
          if (ttft !== undefined) sender.setTtft(ttft);
          sender.pushTool(toolTraffic(event));
          break;
        }
        case 'retry':
          watchdog.pauseFor(event.notice.waitMs);
          sender.setRetry(event.notice);
          break;
      }
    }
  } catch (error) {
    // An abort we asked for is not a failure: the cause says what happened.
    if (!cause) failure = asPlumeError(error);
  } finally {
    watchdog.stop();
  }

  const text = sender.text();
  const reasoning = sender.reasoning();
  const stats = clock.finish(text + reasoning);
  const outcome = decideOutcome(cause, failure, finish, options.idleTimeoutMs, stats);
  if (!sender.isGone) sender.end(outcome);
  return { outcome, text, reasoning };
}

function toolTraffic(event: ToolCallEvent): Parameters<ReplySender['pushTool']>[0] {
  switch (event.type) {
    case 'tool-call-start':
      return { k: 'call', callId: event.callId, name: event.name, ...(event.providerRun ? { providerRun: true } : {}) };
    case 'tool-call-delta':
      return { k: 'args', callId: event.callId, text: event.text };
    case 'tool-call-end':
      return { k: 'end', callId: event.callId, complete: event.complete };
  }
}

function decideOutcome(
  cause: StopCause | undefined,
  failure: PlumeError | undefined,
  finish: FinishReason | undefined,
  idleTimeoutMs: number,
  stats: ReplyOutcome['stats'],
): ReplyOutcome {
  if (cause === 'stopped') return { state: 'stopped', stats };
  if (cause === 'gone') return { state: 'interrupted', error: STOP_MESSAGES.windowGone(), stats };
  if (cause === 'stalled') return { state: 'error', error: STOP_MESSAGES.stalled(Math.round(idleTimeoutMs / 1000)), stats };
  if (failure) return { state: 'error', error: failure, stats };
  // No finish marker means the body ended early (no [DONE] / message_stop): never a normal finish.
  if (!finish) return { state: 'interrupted', error: STOP_MESSAGES.interrupted(), stats };
  return { state: 'complete', finish, stats };
}
