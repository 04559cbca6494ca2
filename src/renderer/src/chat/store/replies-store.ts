// Every reply of this window that is still streaming, whichever conversation is on screen. A reply
// belongs to its conversation, not to the view: this store holds its port for as long as main
// streams it, so opening another conversation, Settings or Search never ends it. Once per frame
// it folds what arrived into each reply's text; the reply of the conversation on screen goes to
// the view (credit back after React commits), every other one is acknowledged at once and never
// touches the DOM. The sidebar reads one mark per conversation from here.
import type { StreamRequest } from '../../../../shared/chat';
import type { PlumeBridge } from '../../../../shared/contract';
import { ReplyReceiver } from '../../../../shared/port/reply-receiver';
import type { ToolDecision } from '../../../../shared/tool-calls';
import { BridgeError } from '../../bridge/errors';
import type { ReplyMark } from '../../conversations/reply-mark-state';
import type { ChatItem } from './chat-item';
import { createFrameScheduler } from './frame-scheduler';
import { ReplyText } from './reply-text';

/** Streaming now, or finished / failed while the user was in another conversation. */
export type { ReplyMark };

/** The view of one conversation, told about its reply's frames and end. */
export interface ReplyWatcher {
  conversationId: string;
  /** New text is folded in: read `rows()` and commit, then call `committed()`. */
  frame(): void;
  /** The reply is over and acknowledged; main's history now holds all of it. */
  ended(placed: boolean): void;
}

interface LiveReply {
  conversationId: string;
  /** The conversation's rows before the reply, the question last. */
  before: readonly ChatItem[];
  /** The reply's row as it was created (key, model), before any text. */
  row: ChatItem;
  text: ReplyText;
  receiver?: ReplyReceiver;
  stopRequested: boolean;
  dirty: boolean;
  placed: boolean;
}

/** If the view does not commit (not mounted, say), credit must still flow. */
const COMMIT_FALLBACK_MS = 200;

export class RepliesStore {
  private readonly live = new Map<string, LiveReply>();
  private marks: ReadonlyMap<string, ReplyMark> = new Map();
  private readonly markListeners = new Set<() => void>();
  private watcher: ReplyWatcher | null = null;
  private readonly schedule = createFrameScheduler(() => this.flush());
  private awaitingCommit: ReturnType<typeof setTimeout> | undefined;
  /** A reply got its rows in main (the title is set) or ended: the sidebar should refresh. */
  onConversationChanged: (conversationId: string) => void = () => {};

  constructor(private readonly bridge: PlumeBridge) {}

  isStreaming(conversationId: string): boolean {
    return this.live.has(conversationId);
  }

  /** Starts a reply; the caller has checked that its conversation has none streaming. */
  start(request: StreamRequest, before: readonly ChatItem[], row: ChatItem): void {
    const reply: LiveReply = { conversationId: request.conversationId, before, row, text: new ReplyText(), stopRequested: false, dirty: false, placed: false };
    this.live.set(reply.conversationId, reply);
    this.setMark(reply.conversationId, 'streaming');
    void this.connect(reply, request);
  }

  stop(conversationId: string): void {
    const reply = this.live.get(conversationId);
    if (!reply || reply.stopRequested) return;
    reply.stopRequested = true;
    reply.receiver?.stop();
  }

  /** The user's answer to a tool call waiting in the conversation's reply. */
  decide(conversationId: string, callId: string, decision: ToolDecision): void {
    this.live.get(conversationId)?.receiver?.decide(callId, decision);
  }

  /** The conversation's rows with its reply as it stands now, or null when none streams. */
  rows(conversationId: string): readonly ChatItem[] | null {
    const reply = this.live.get(conversationId);
    if (!reply) return null;
    reply.text.fold(performance.now());
    return [...reply.before, reply.text.toItem(reply.row)];
  }

  settled(conversationId: string): boolean {
    return this.live.get(conversationId)?.text.settled ?? true;
  }

  /** The view shows this conversation now (null: none); its reply's frames go to the view. */
  watch(watcher: ReplyWatcher | null): void {
    // A frame handed to the view of the conversation leaving the screen may never commit: its
    // credit is owed now, or that reply would wait for it forever.
    this.acknowledgeWatched();
    this.watcher = watcher;
    // Finished or failed while the user was elsewhere: now seen. Streaming stays marked.
    if (watcher && this.marks.get(watcher.conversationId) !== 'streaming') this.clearMark(watcher.conversationId);
  }

  /** The view committed the last frame it was given: acknowledge it. */
  committed = (): void => {
    this.acknowledgeWatched();
  };

  subscribeMarks = (listener: () => void) => {
    this.markListeners.add(listener);
    return () => this.markListeners.delete(listener);
  };

  getMarks = (): ReadonlyMap<string, ReplyMark> => this.marks;

  private async connect(reply: LiveReply, request: StreamRequest): Promise<void> {
    try {
      const port = await this.bridge.openStream(request);
      reply.receiver = new ReplyReceiver(port, {
        onMessage: (message) => {
          reply.text.apply(message);
          this.markDirty(reply);
        },
        onLost: () => {
          const kept = reply.text.hasText ? ' The text so far is kept.' : '';
          reply.text.lost = { kind: 'connection_lost', message: `Lost the connection to Plume while the reply was streaming.${kept}` };
          this.markDirty(reply);
        },
      });
      reply.receiver.start();
      if (reply.stopRequested) reply.receiver.stop();
    } catch (error) {
      reply.text.lost = error instanceof BridgeError ? error.plume : { kind: 'unknown', message: String(error) };
      this.markDirty(reply);
    }
  }

  private markDirty(reply: LiveReply): void {
    reply.dirty = true;
    this.schedule();
  }

  private flush(): void {
    const now = performance.now();
    for (const reply of [...this.live.values()]) {
      if (!reply.dirty) continue;
      reply.dirty = false;
      reply.text.fold(now);
      if (reply.text.placement && !reply.placed) this.place(reply);
      if (this.watcher?.conversationId === reply.conversationId) {
        this.watcher.frame();
        clearTimeout(this.awaitingCommit);
        this.awaitingCommit = setTimeout(this.committed, COMMIT_FALLBACK_MS);
      } else {
        this.acknowledge(reply);
      }
    }
  }

  /** Main has created the reply's rows: the question takes its saved id, the sidebar its title. */
  private place(reply: LiveReply): void {
    reply.placed = true;
    const { userMessageId } = reply.text.placement!;
    const asked = reply.before.at(-1);
    if (asked?.role === 'user' && asked.id !== userMessageId) reply.before = [...reply.before.slice(0, -1), { ...asked, id: userMessageId }];
    this.onConversationChanged(reply.conversationId);
  }

  private acknowledgeWatched(): void {
    clearTimeout(this.awaitingCommit);
    this.awaitingCommit = undefined;
    const reply = this.watcher && this.live.get(this.watcher.conversationId);
    if (reply) this.acknowledge(reply);
  }

  private acknowledge(reply: LiveReply): void {
    reply.receiver?.grant();
    if (reply.text.settled) this.finish(reply);
  }

  private finish(reply: LiveReply): void {
    if (this.live.get(reply.conversationId) !== reply) return;
    this.live.delete(reply.conversationId);
    const onScreen = this.watcher?.conversationId === reply.conversationId;
    if (onScreen) this.clearMark(reply.conversationId);
    else this.setMark(reply.conversationId, failed(reply.text) ? 'failed' : 'finished');
    this.onConversationChanged(reply.conversationId);
    if (onScreen) this.watcher?.ended(reply.placed);
  }

  private setMark(conversationId: string, mark: ReplyMark): void {
    if (this.marks.get(conversationId) === mark) return;
    this.marks = new Map(this.marks).set(conversationId, mark);
    for (const listener of this.markListeners) listener();
  }

  private clearMark(conversationId: string): void {
    if (!this.marks.has(conversationId)) return;
    const next = new Map(this.marks);
    next.delete(conversationId);
    this.marks = next;
    for (const listener of this.markListeners) listener();
  }
}

function failed(text: ReplyText): boolean {
  const state = text.end?.outcome.state;
  return state === undefined || (state !== 'complete' && state !== 'stopped');
}
