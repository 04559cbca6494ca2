// Main's record of the replies in flight, keyed by conversation: at most one reply streams per
// conversation (a second would race the first for the same branch, so it is refused, never
// allowed to abort the first). Each entry holds the reply's port, which belongs to the window
// that opened it; closing the window closes its ports, and `abortAll` closes every one.
import type { PortLike } from '../../shared/port/port';


interface InFlight {
  port: PortLike;
  /** The reply's message id, once main has created its row. */
  replyId?: string;
}

export class ReplyRegistry {
  private readonly ports = new Set<PortLike>();
  private readonly byConversation = new Map<string, InFlight>();

  /** Every reply port, from its opening, so even one whose request is still checked is aborted. */
  open(port: PortLike): void {
    this.ports.add(port);
    port.onClose(() => this.release(port));
  }

  /** Takes the conversation for this port's reply; false when another reply has it. */
  claim(conversationId: string, port: PortLike): boolean {
    const current = this.byConversation.get(conversationId);
    if (current && current.port !== port) return false;
    this.byConversation.set(conversationId, { port });
    return true;
  }

  placed(conversationId: string, replyId: string): void {
    const entry = this.byConversation.get(conversationId);
    if (entry) entry.replyId = replyId;
  }

  release(port: PortLike): void {
    this.ports.delete(port);
    for (const [conversationId, entry] of this.byConversation) {
      if (entry.port === port) this.byConversation.delete(conversationId);
    }
  }

  /** Conversation id → reply id (undefined until placed) of every reply in flight. */
  inFlight(): Map<string, string | undefined> {
    return new Map([...this.byConversation].map(([conversationId, entry]) => [conversationId, entry.replyId]));
  }

  /** Ends the conversation's reply (it was deleted): like Stop, the text so far is kept. */
  abort(conversationId: string): void {
    this.byConversation.get(conversationId)?.port.close();
  }

  abortAll(): void {
    const ports = [...this.ports];
    this.ports.clear();
    this.byConversation.clear();
    for (const port of ports) port.close();
  }
}
