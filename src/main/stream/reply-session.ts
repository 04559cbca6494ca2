// One reply: runs a provider adapter and feeds its events to the reply's port. The session owns
// the request's AbortController, so Stop, a closed window and the idle watchdog all end up
// aborting the HTTP request the same way.
import type { ReplyOutcome, ReplyPlacement } from '../../shared/chat';
import type { FinishReason, PlumeError, ToolCallEvent } from '../../shared/provider-events';
import type { ToolDecision, ToolResult, ToolTurn } from '../../shared/tool-calls';
import type { ToolTraffic } from '../../shared/port/tool-traffic';
import type { PortLike } from '../../shared/port/port';
import { CHARS_PER_MB, TOOL_STEPS_LABEL } from '../../shared/settings';
import { ReplySender } from '../../shared/port/reply-sender';
import type { ProviderAdapter, ProviderCall } from '../providers/types';
import { asPlumeError, STOP_MESSAGES } from './failure';
import { IdleWatchdog } from './idle-watchdog';
import { StatsClock } from './reply-stats';
import { StepCalls, type ReplyTools, type ToolRunIO } from './tool-step';

export interface ReplySessionOptions {
  adapter: ProviderAdapter;
  call: ProviderCall;
  port: PortLike;
  idleTimeoutMs: number;
  creditWindow?: number;
  /** Told to the window before any text, so it can show the reply in its place. */
  placement?: ReplyPlacement;
  /**
   * Progress hook for persistence; called with the sender so it can read text lazily. A throw
   * (disk full…) stops the reply: the window keeps the text and shows `saveFailure(error)`.
   */
  onProgress?: (sender: ReplySender) => void;
  /** Writes the final row before the window hears the outcome, so a failed write can be told. */
  onFinish?: (result: ReplyResult) => void;
  /** Words for a failed save; by default the error's own message. */
  saveFailure?: (error: unknown) => PlumeError;
  /** Reply cap in MB of text (text + reasoning): past it the reply stops and main holds no more. */
  maxReplyMB?: number;
  /** Tools the model may call; without them, tool calls are shown but never run. */
  tools?: ReplyTools;
  /** Told every piece of tool traffic the window gets (for the message tree). */
  onToolTraffic?: (traffic: ToolTraffic) => void;
}

export interface ReplyResult {
  outcome: ReplyOutcome;
  text: string;
  reasoning: string;
}

type StopCause = 'stopped' | 'gone' | 'stalled' | 'unsaved' | 'too_long';

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
  const describeSaveFailure = options.saveFailure ?? ((error: unknown) => STOP_MESSAGES.notSaved((error as Error)?.message ?? String(error)));
  const maxChars = options.maxReplyMB === undefined ? Number.POSITIVE_INFINITY : options.maxReplyMB * CHARS_PER_MB;
  let received = 0;

  if (options.placement) sender.setPlacement(options.placement);
  const pushTool = (traffic: Parameters<ReplySender['pushTool']>[0]) => options.onToolTraffic?.(sender.pushTool(traffic));
  const decisions = new Map<string, (decision: ToolDecision) => void>();
  sender.setDecisionHandler((callId, decision) => decisions.get(callId)?.(decision));
  const turns: ToolTurn[] = [];
  let call: ProviderCall = options.tools ? { ...options.call, tools: options.tools.specs } : options.call;
  for (let step = 1; ; step++) {
    const calls = new StepCalls();
    const textBefore = sender.text().length;
    finish = undefined;
    watchdog.start();
    try {
      const events = options.adapter.stream(call, {
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
            // Past the cap only what fits is kept, so main never holds more than the cap.
            const piece = received + event.text.length > maxChars ? event.text.slice(0, maxChars - received) : event.text;
            received += piece.length;
            if (event.type === 'text') sender.pushText(piece);
            else sender.pushReasoning(piece);
            try {
              options.onProgress?.(sender);
            } catch (error) {
              failure = describeSaveFailure(error);
              abort('unsaved');
            }
            if (received >= maxChars) abort('too_long');
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
            pushTool(toolTraffic(event));
            calls.add(event);
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
    const runnable = calls.runnable();
    if (!options.tools || runnable.length === 0 || cause || failure || controller.signal.aborted) break;
    if (step >= options.tools.maxSteps) {
      pushTool({ k: 'notice', text: stepCapNotice(options.tools.maxSteps) });
      break;
    }
    // The user's decisions and the tools take as long as they take: no idle watchdog here.
    const io: ToolRunIO = {
      signal: controller.signal,
      send: (traffic) => pushTool(traffic),
      decision: (callId) => new Promise((resolve) => decisions.set(callId, resolve)),
    };
    const tools = options.tools;
    const results = await Promise.all(runnable.map((c) => tools.run(c, io)));
    if (controller.signal.aborted) break;
    turns.push({ text: sender.text().slice(textBefore), calls: runnable.map((c, i) => ({ ...c, result: results[i] as ToolResult })) });
    call = { ...call, toolTurns: [...turns] };
  }

  const text = sender.text();
  const reasoning = sender.reasoning();
  const stats = clock.finish(text + reasoning);
  let outcome = decideOutcome(cause, failure, finish, options, stats, text !== '' || reasoning !== '');
  try {
    options.onFinish?.({ outcome, text, reasoning });
  } catch (error) {
    // The window still has every character; it must not be told the reply was saved.
    outcome = { state: 'error', error: describeSaveFailure(error), stats };
  }
  if (!sender.isGone) sender.end(outcome);
  return { outcome, text, reasoning };
}

/** Names the setting, so the user knows where to raise it. */
function stepCapNotice(steps: number): string {
  return `Stopped after ${steps} tool steps in one reply: the limit “${TOOL_STEPS_LABEL}” in Settings → MCP servers. Send a message to let the model go on.`;
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
  options: Pick<ReplySessionOptions, 'idleTimeoutMs' | 'maxReplyMB'>,
  stats: ReplyOutcome['stats'],
  kept: boolean,
): ReplyOutcome {
  if (cause === 'stopped') return { state: 'stopped', stats };
  if (cause === 'gone') return { state: 'interrupted', error: STOP_MESSAGES.windowGone(), stats };
  if (cause === 'stalled') return { state: 'error', error: STOP_MESSAGES.stalled(Math.round(options.idleTimeoutMs / 1000), kept), stats };
  if (cause === 'too_long') return { state: 'error', error: STOP_MESSAGES.tooLong(options.maxReplyMB ?? 0), stats };
  if (failure) return { state: 'error', error: failure, stats };
  // No finish marker means the body ended early (no [DONE] / message_stop): never a normal finish.
  if (!finish) return { state: 'interrupted', error: STOP_MESSAGES.interrupted(kept), stats };
  return { state: 'complete', finish, stats };
}
