// The renderer's end of a reply port. It hands each message to the consumer and grants credit
// back only when the consumer says it has applied them (after its frame commit), which is what
// keeps main from flooding a window that cannot keep up.
import { DEFAULT_CREDIT_WINDOW, isReplyMessage, type ReplyMessage } from './messages';
import type { PortLike } from './port';
import type { ToolDecision } from '../tool-calls';

export interface ReplyConsumer {
  onMessage(message: ReplyMessage): void;
  /** The port closed without a terminal message (main went away). */
  onLost(): void;
}

export class ReplyReceiver {
  private unacknowledged = 0;
  private finished = false;
  private lastSeq = 0;

  constructor(
    private readonly port: PortLike,
    private readonly consumer: ReplyConsumer,
    private readonly window = DEFAULT_CREDIT_WINDOW,
  ) {}

  start(): void {
    this.port.onMessage((message) => this.onMessage(message));
    this.port.onClose(() => {
      if (!this.finished) {
        this.finished = true;
        this.consumer.onLost();
      }
    });
    this.port.post({ t: 'credit', n: this.window });
  }

  /** Call once the messages handed over so far are applied; returns how much credit was granted. */
  grant(): number {
    const n = this.unacknowledged;
    if (n === 0 || this.finished) return 0;
    this.unacknowledged = 0;
    this.port.post({ t: 'credit', n });
    return n;
  }

  stop(): void {
    if (!this.finished) this.port.post({ t: 'stop' });
  }

  /** The user's answer to a tool call main asked about. */
  decide(callId: string, decision: ToolDecision): void {
    if (!this.finished) this.port.post({ t: 'decide', callId, decision });
  }

  /** Drop the reply: main aborts the provider request when it sees the port close. */
  close(): void {
    this.finished = true;
    this.port.close();
  }

  get done(): boolean {
    return this.finished;
  }

  private onMessage(message: unknown): void {
    if (this.finished || !isReplyMessage(message)) return;
    if (message.seq !== this.lastSeq + 1) {
      // Ports are ordered, so a gap means a broken transport: fail loudly rather than show wrong text.
      throw new Error(`Reply stream out of order: expected #${this.lastSeq + 1}, got #${message.seq}`);
    }
    this.lastSeq = message.seq;
    this.unacknowledged += 1;
    if (message.t === 'end') {
      this.finished = true;
      this.consumer.onMessage(message);
      this.port.close();
      return;
    }
    this.consumer.onMessage(message);
  }
}
