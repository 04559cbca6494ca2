// Main's end of a reply port. Text goes out only against credit granted by the renderer; while
// there is none, everything received is coalesced into the next message. So at most `window`
// messages are ever in flight, and a stalled window costs main only the reply text itself.
import type { ReplyOutcome, ReplyPlacement } from '../chat';
import type { RetryNotice } from '../retry';
import type { ToolDecision } from '../tool-calls';
import { DEFAULT_CREDIT_WINDOW, isControlMessage, type ReplyMessage, type ReplyMeta } from './messages';
import type { PortLike } from './port';
import { TextBuffer } from './text-buffer';
import { ToolTrafficQueue, type ToolTraffic } from './tool-traffic';

export interface ReplySenderEvents {
  /** The renderer asked to stop this reply. */
  onStop(): void;
  /** The port closed (window closed or reloaded, or the renderer dropped the reply). */
  onGone(): void;
}

export class ReplySender {
  private credits = 0;
  private seq = 0;
  private readonly pendingText = new TextBuffer();
  private readonly pendingReasoning = new TextBuffer();
  private readonly sentText = new TextBuffer();
  private readonly sentReasoning = new TextBuffer();
  private readonly pendingTools = new ToolTrafficQueue();
  private meta: ReplyMeta = {};
  private ttftKnown = false;
  private outcome: ReplyOutcome | null = null;
  private ended = false;
  private gone = false;
  private onDecide: ((callId: string, decision: ToolDecision) => void) | undefined;
  /** Counters for tests and the bridge bench. */
  readonly counters = { messages: 0, creditsGranted: 0 };

  constructor(
    private readonly port: PortLike,
    private readonly events: ReplySenderEvents,
    private readonly window = DEFAULT_CREDIT_WINDOW,
  ) {
    port.onMessage((message) => this.onControl(message));
    port.onClose(() => {
      if (this.gone) return;
      this.gone = true;
      if (!this.ended) this.events.onGone();
    });
  }

  pushText(text: string): void {
    this.pendingText.append(text);
    this.flush();
  }

  pushReasoning(text: string): void {
    this.pendingReasoning.append(text);
    this.flush();
  }

  /** Where the user's decisions about tool calls go (the session waiting for them). */
  setDecisionHandler(handler: (callId: string, decision: ToolDecision) => void): void {
    this.onDecide = handler;
  }

  /** Tool-call traffic; a call's `at` is where the text stands now (sent and pending). */
  pushTool(item: ToolTraffic | { k: 'call'; callId: string; name: string; providerRun?: boolean }): ToolTraffic {
    const traffic: ToolTraffic = item.k === 'call' ? { ...item, at: this.sentText.length + this.pendingText.length } : item;
    this.pendingTools.push(traffic);
    this.flush();
    return traffic;
  }

  /** Time to first token, measured by the session; rides on the next message. */
  setTtft(ms: number): void {
    if (this.ttftKnown) return;
    this.ttftKnown = true;
    // No flush: the token that set it follows at once and carries it.
    this.meta.ttftMs = ms;
  }

  /** Tells the window where the reply's rows are, before any text. */
  setPlacement(placement: ReplyPlacement): void {
    this.meta.placement = placement;
    this.flush();
  }

  /** Main waits to retry the request: the window shows why and for how long. */
  setRetry(notice: RetryNotice): void {
    this.meta.retry = notice;
    this.flush();
  }

  /** Ends the reply: the terminal message carries whatever text is still pending. */
  end(outcome: ReplyOutcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    this.flush();
  }

  /** Everything the provider sent so far, delivered or not (for checkpoints and history). */
  text(): string {
    return this.sentText.toString() + this.pendingText.toString();
  }

  reasoning(): string {
    return this.sentReasoning.toString() + this.pendingReasoning.toString();
  }

  get pendingChars(): number {
    return this.pendingText.length + this.pendingReasoning.length;
  }

  get isGone(): boolean {
    return this.gone;
  }

  /** Closes the port from main's side (app quitting); the renderer sees the port close. */
  close(): void {
    this.ended = true;
    this.port.close();
  }

  private onControl(message: unknown): void {
    // The renderer is not trusted to be well-behaved: ignore junk, cap credit at the window.
    if (!isControlMessage(message)) return;
    if (message.t === 'stop') {
      if (!this.outcome) this.events.onStop();
      return;
    }
    if (message.t === 'decide') {
      if (!this.outcome) this.onDecide?.(message.callId, message.decision);
      return;
    }
    this.counters.creditsGranted += message.n;
    this.credits = Math.min(this.window, this.credits + message.n);
    this.flush();
  }

  private flush(): void {
    if (this.ended || this.gone || this.credits === 0) return;
    const hasText = this.pendingText.length > 0 || this.pendingReasoning.length > 0;
    const hasMeta =
      this.meta.ttftMs !== undefined || this.meta.placement !== undefined || this.meta.retry !== undefined || this.pendingTools.length > 0;
    if (!hasText && !hasMeta && !this.outcome) return;
    if (this.pendingTools.length > 0) this.meta.tools = this.pendingTools.take();

    const text = this.pendingText.take();
    const reasoning = this.pendingReasoning.take();
    this.sentText.append(text);
    this.sentReasoning.append(reasoning);
    const meta = this.meta;
    this.meta = {};
    this.credits -= 1;
    this.counters.messages += 1;
    this.seq += 1;

    const message: ReplyMessage = this.outcome
      ? { t: 'end', seq: this.seq, text, reasoning, outcome: this.outcome, ...meta }
      : { t: 'delta', seq: this.seq, text, reasoning, ...meta };
    if (this.outcome) this.ended = true;
    this.port.post(message);
  }
}
