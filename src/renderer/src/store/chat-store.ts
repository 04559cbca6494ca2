// The conversation as the window sees it. Reply deltas land here, outside React; one flush per
// animation frame publishes a new snapshot in which only the streaming message is a new object,
// so memoized messages never re-render. Credit goes back to main after React has committed.
import type { ChatMessage, ReplyState, ReplyStats, StreamRequest } from '../../../shared/chat';
import type { PlumeBridge } from '../../../shared/contract';
import { MAX_REQUEST_CHARS } from '../../../shared/limits';
import type { ReplyMessage } from '../../../shared/port/messages';
import { ReplyReceiver } from '../../../shared/port/reply-receiver';
import type { PlumeError } from '../../../shared/provider-events';
import { BridgeError } from '../bridge/errors';
import { createFrameScheduler } from './frame-scheduler';

export interface ChatItem {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  reasoning: string;
  /** `sent` for user messages. */
  state: 'sent' | ReplyState;
  error?: PlumeError;
  stats?: ReplyStats;
  ttftMs?: number;
  /** Renderer clock at the first token, for the live tokens/s while streaming. */
  firstTokenAt?: number;
  model?: string;
}

export interface ReplyTarget {
  providerId: string;
  model: string;
  system?: string;
}

interface LiveReply {
  receiver?: ReplyReceiver;
  text: string[];
  reasoning: string[];
  end?: Extract<ReplyMessage, { t: 'end' }>;
  ttftMs?: number;
  lost?: PlumeError;
  dirty: boolean;
  stopRequested: boolean;
}

/** If nothing renders the conversation, credit must still flow. */
const COMMIT_FALLBACK_MS = 200;

export class ChatStore {
  private items: readonly ChatItem[] = [];
  private readonly live = new Map<string, LiveReply>();
  private readonly listeners = new Set<() => void>();
  private readonly schedule = createFrameScheduler(() => this.publish());
  private awaitingCommit: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  /** Counts for tests and the render bench. */
  readonly counters = { publishes: 0 };

  constructor(private readonly bridge: PlumeBridge) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.items;

  get isStreaming(): boolean {
    return this.live.size > 0;
  }

  /** Returns an error message instead of sending when the text cannot be sent; the caller keeps it. */
  send(text: string, target: ReplyTarget): string | null {
    if (text.trim() === '') return 'Type a message first.';
    if (this.isStreaming) return 'Wait for the current reply to finish, or stop it.';
    const history = this.history();
    const size = history.reduce((n, m) => n + m.content.length, text.length + (target.system?.length ?? 0));
    if (size > MAX_REQUEST_CHARS) {
      return `That is too long to send: ${size.toLocaleString('en')} characters, the limit is ${MAX_REQUEST_CHARS.toLocaleString('en')}. Your text is still here.`;
    }
    const user: ChatItem = { id: this.id(), role: 'user', text, reasoning: '', state: 'sent' };
    this.items = [...this.items, user];
    this.startReply(target);
    return null;
  }

  stop(id: string): void {
    const reply = this.live.get(id);
    if (!reply || reply.stopRequested) return;
    reply.stopRequested = true;
    reply.receiver?.stop();
  }

  stopAll(): void {
    for (const id of this.live.keys()) this.stop(id);
  }

  /** Runs the failed or stopped reply again in place; nothing is retried automatically. */
  retry(id: string, target: ReplyTarget): void {
    const index = this.items.findIndex((item) => item.id === id);
    if (index === -1 || this.live.has(id) || this.items[index]?.role !== 'assistant') return;
    this.items = this.items.slice(0, index);
    this.startReply(target);
  }

  clear(): void {
    for (const reply of this.live.values()) reply.receiver?.close();
    this.live.clear();
    this.items = [];
    this.emit();
  }

  /** The view calls this after each commit: applied messages may now be acknowledged. */
  committed = () => {
    clearTimeout(this.awaitingCommit);
    this.awaitingCommit = undefined;
    for (const [id, reply] of this.live) {
      reply.receiver?.grant();
      if (reply.end || reply.lost) this.live.delete(id);
    }
  };

  private startReply(target: ReplyTarget): void {
    const request: StreamRequest = { providerId: target.providerId, model: target.model, messages: this.history() };
    if (target.system) request.system = target.system;
    const id = this.id();
    this.items = [...this.items, { id, role: 'assistant', text: '', reasoning: '', state: 'streaming', model: target.model }];
    const reply: LiveReply = { text: [], reasoning: [], dirty: false, stopRequested: false };
    this.live.set(id, reply);
    this.emit();

    this.bridge.openStream(request).then(
      (port) => {
        if (!this.live.has(id)) return port.close(); // cleared meanwhile
        reply.receiver = new ReplyReceiver(port, {
          onMessage: (message) => this.apply(reply, message),
          onLost: () => {
            reply.lost = { kind: 'connection_lost', message: 'Lost the connection to Plume while the reply was streaming. The text so far is kept.' };
            this.markDirty(reply);
          },
        });
        reply.receiver.start();
        if (reply.stopRequested) reply.receiver.stop();
      },
      (error: unknown) => {
        reply.lost = error instanceof BridgeError ? error.plume : { kind: 'unknown', message: String(error) };
        this.markDirty(reply);
      },
    );
  }

  private apply(reply: LiveReply, message: ReplyMessage): void {
    if (message.text) reply.text.push(message.text);
    if (message.reasoning) reply.reasoning.push(message.reasoning);
    if (message.ttftMs !== undefined) reply.ttftMs = message.ttftMs;
    if (message.t === 'end') reply.end = message;
    this.markDirty(reply);
  }

  private markDirty(reply: LiveReply): void {
    reply.dirty = true;
    this.schedule();
  }

  private publish(): void {
    let changed = false;
    const now = performance.now();
    this.items = this.items.map((item) => {
      const reply = this.live.get(item.id);
      if (!reply || !reply.dirty) return item;
      reply.dirty = false;
      changed = true;
      const next: ChatItem = {
        ...item,
        text: item.text + reply.text.join(''),
        reasoning: item.reasoning + reply.reasoning.join(''),
      };
      reply.text = [];
      reply.reasoning = [];
      if (reply.ttftMs !== undefined && next.ttftMs === undefined) {
        next.ttftMs = reply.ttftMs;
        next.firstTokenAt = now;
      }
      if (reply.end) {
        const { outcome } = reply.end;
        next.state = outcome.state;
        next.stats = outcome.stats;
        if (outcome.error) next.error = outcome.error;
      } else if (reply.lost) {
        next.state = next.text ? 'interrupted' : 'error';
        next.error = reply.lost;
      }
      return next;
    });
    if (!changed) return;
    this.counters.publishes += 1;
    this.emit();
    clearTimeout(this.awaitingCommit);
    this.awaitingCommit = setTimeout(this.committed, COMMIT_FALLBACK_MS);
  }

  private history(): ChatMessage[] {
    // Failed or empty replies are not part of what the model should see.
    return this.items
      .filter((item) => item.role === 'user' || (item.text !== '' && item.state !== 'error'))
      .map((item) => ({ role: item.role, content: item.text }));
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private id(): string {
    return `m${this.nextId++}`;
  }
}
