// A scripted renderer for protocol tests: collects text and grants credit when told to, the way
// the chat store grants after each frame commit.
import type { ReplyMessage } from '../../src/shared/port/messages';
import type { PortLike } from '../../src/shared/port/port';
import { ReplyReceiver } from '../../src/shared/port/reply-receiver';

export class TestConsumer {
  readonly receiver: ReplyReceiver;
  readonly messages: ReplyMessage[] = [];
  text = '';
  reasoning = '';
  lost = false;
  /** Received but not yet acknowledged. */
  unacked = 0;
  maxUnacked = 0;
  private waiters: Array<{ test: () => boolean; resolve: () => void }> = [];

  constructor(port: PortLike, options: { autoGrant: boolean; window?: number }) {
    this.receiver = new ReplyReceiver(
      port,
      {
        onMessage: (message) => {
          this.messages.push(message);
          this.text += message.text;
          this.reasoning += message.reasoning;
          this.unacked += 1;
          this.maxUnacked = Math.max(this.maxUnacked, this.unacked);
          if (options.autoGrant) setImmediate(() => this.grant());
          this.check();
        },
        onLost: () => {
          this.lost = true;
          this.check();
        },
      },
      options.window,
    );
    this.receiver.start();
  }

  grant(): void {
    this.unacked = 0;
    this.receiver.grant();
  }

  get ended(): Extract<ReplyMessage, { t: 'end' }> | undefined {
    const last = this.messages.at(-1);
    return last?.t === 'end' ? last : undefined;
  }

  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  private check(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }
}
