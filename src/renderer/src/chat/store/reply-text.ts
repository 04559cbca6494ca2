// What a live reply has received so far, and how that becomes its row. Messages are appended as
// they arrive (cheap: no strings joined, no objects built); `fold` joins them once per frame, and
// `toItem` builds the row only when someone shows it, so a reply nobody looks at costs its text.
import type { ReplyMessage } from '../../../../shared/port/messages';
import type { ReplyPlacement } from '../../../../shared/chat';
import type { PlumeError } from '../../../../shared/provider-events';
import type { RetryNotice } from '../../../../shared/retry';
import type { ChatItem } from './chat-item';
import { LiveToolCalls, type ToolCallView } from './tool-calls';

export class ReplyText {
  text = '';
  reasoning = '';
  ttftMs?: number;
  /** Renderer clock at the first token, for the live tokens/s while streaming. */
  firstTokenAt?: number;
  placement?: ReplyPlacement;
  end?: Extract<ReplyMessage, { t: 'end' }>;
  /** The port closed without an end, or the reply could not start. */
  lost?: PlumeError;
  /** Main is waiting out a back-off; shown until the reply moves on (text arrives or it ends). */
  retry?: RetryNotice & { until: number };
  toolCalls: readonly ToolCallView[] = [];
  toolNotices: readonly string[] = [];
  private readonly tools = new LiveToolCalls();
  private textParts: string[] = [];
  private reasoningParts: string[] = [];

  apply(message: ReplyMessage): void {
    if (message.placement) this.placement = message.placement;
    if (message.text) this.textParts.push(message.text);
    if (message.reasoning) this.reasoningParts.push(message.reasoning);
    if (message.tools) this.tools.add(message.tools);
    if (message.ttftMs !== undefined) this.ttftMs = message.ttftMs;
    if (message.retry) this.retry = { ...message.retry, until: Date.now() + message.retry.waitMs };
    else if (message.text || message.reasoning || message.t === 'end') this.retry = undefined;
    if (message.t === 'end') this.end = message;
  }

  /** Some text arrived, folded or not yet. */
  get hasText(): boolean {
    return this.text !== '' || this.textParts.length > 0;
  }

  /** Joins everything received since the last fold onto the text. */
  fold(now: number): void {
    if (this.textParts.length) this.text += this.textParts.splice(0).join('');
    if (this.reasoningParts.length) this.reasoning += this.reasoningParts.splice(0).join('');
    const tools = this.tools.apply(this.toolCalls, this.settled);
    if (tools.calls) this.toolCalls = tools.calls;
    if (tools.notices.length) this.toolNotices = [...this.toolNotices, ...tools.notices];
    if (this.ttftMs !== undefined && this.firstTokenAt === undefined) this.firstTokenAt = now;
  }

  get settled(): boolean {
    return this.end !== undefined || this.lost !== undefined;
  }

  /** The reply's row as it stands after the last fold. */
  toItem(row: ChatItem): ChatItem {
    const next: ChatItem = { ...row, id: this.placement?.assistantMessageId ?? row.id, text: this.text, reasoning: this.reasoning };
    if (this.ttftMs !== undefined) next.ttftMs = this.ttftMs;
    if (this.firstTokenAt !== undefined) next.firstTokenAt = this.firstTokenAt;
    if (this.retry && !this.settled) next.retry = this.retry;
    if (this.toolCalls.length) next.toolCalls = this.toolCalls;
    if (this.toolNotices.length) next.toolNotices = this.toolNotices;
    if (this.end) {
      const { outcome } = this.end;
      next.state = outcome.state;
      next.stats = outcome.stats;
      if (outcome.error) next.error = outcome.error;
    } else if (this.lost) {
      next.state = this.text ? 'interrupted' : 'error';
      next.error = this.lost;
    }
    return next;
  }
}
