// The conversation on screen, as the window sees it. Its reply, if one streams, lives in the
// RepliesStore above the views: this store only watches it, taking a new snapshot on each frame in
// which only the reply's row is a new object, so memoized messages never re-render. Leaving the
// conversation stops watching, never the reply. History lives in main: this store shows the
// active path and asks main to change it.
import { CONVERSATION_BUSY, type ReplyAction, type StreamRequest } from '../../../../shared/chat';
import type { PlumeBridge } from '../../../../shared/contract';
import type { PathMessage } from '../../../../shared/conversations';
import { MAX_REQUEST_CHARS } from '../../../../shared/limits';
import type { PreparedAttachment } from '../attachments/types';
import { BridgeError } from '../../bridge/errors';
import type { ReplyTarget } from '../../providers/reply-target';
import { type ChatItem, toItem } from './chat-item';
import type { RepliesStore, ReplyWatcher } from './replies-store';
import { keepToolCalls } from './tool-calls';
import { adoptNewChat, offFor } from '../tools/tool-server-choice';

export type { ChatItem } from './chat-item';
export type { ReplyTarget } from '../../providers/reply-target';
export { toItem } from './chat-item';
import type { ToolDecision } from '../../../../shared/tool-calls';

/** Messages an ordinary open shows first: more than any screen holds, few enough to paint at once. */
const FIRST_PAGE = 60;
/** Older messages read per request behind them: each read is short, so the host stays responsive. */
const OLDER_PAGE = 250;

export interface ChatSnapshot {
  conversationId: string | null;
  items: readonly ChatItem[];
  /** A reply of this conversation is in flight. */
  streaming: boolean;
  /** A failure of the conversation itself (could not open, branch switch failed…). */
  error: string | null;
  /** Shown from its newest messages while older ones are still being read: counts are not final. */
  olderPending: boolean;
}

/** A new chat whose conversation main is still creating; its reply has not started yet. */
interface PendingNewChat {
  stopRequested: boolean;
}

export class ChatStore {
  private snapshot: ChatSnapshot = { conversationId: null, items: [], streaming: false, error: null, olderPending: false };
  private readonly listeners = new Set<() => void>();
  private pendingNew: PendingNewChat | null = null;
  /** The conversation shown from its newest messages only, while the rest is read. */
  private partial: string | null = null;
  /** Counts opens, so a slow open that a later one overtook does not land. */
  private opening = 0;
  private tempIds = 0;
  /** Called when a conversation was created or its branches changed, so the sidebar can refresh. */
  onConversationChanged: (conversationId: string) => void = () => {};

  constructor(
    private readonly bridge: PlumeBridge,
    private readonly replies: RepliesStore,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Shows a conversation, or an empty new chat for `null`; `messageId` picks the branch through it. */
  async open(conversationId: string | null, messageId: string | null = null): Promise<void> {
    const opening = ++this.opening;
    this.pendingNew = null;
    this.partial = null;
    if (conversationId === null) {
      this.replies.watch(null);
      this.set({ conversationId: null, items: [], streaming: false, error: null });
      return;
    }
    // A streaming conversation is shown from its live reply, at once: all the text so far.
    if (this.showLive(conversationId)) return;
    try {
      // A search hit may lie anywhere in the path: that open takes all of it. An ordinary open
      // paints from the newest messages and reads the older ones behind them.
      const { path, total } = messageId
        ? await this.bridge.invoke('messages:select', { messageId }).then((all) => ({ path: all, total: all.length }))
        : await this.bridge.invoke('conversations:open', { id: conversationId, last: FIRST_PAGE });
      if (opening !== this.opening) return;
      if (this.showLive(conversationId)) return;
      this.replies.watch(this.watcher(conversationId));
      this.partial = path.length < total ? conversationId : null;
      this.set({ conversationId, items: path.map(toItem), streaming: false, error: null });
      if (this.partial) void this.readOlder(conversationId, opening);
    } catch (error) {
      if (opening === this.opening) this.set({ ...this.snapshot, error: (error as Error).message });
    }
  }

  /**
   * After the newest messages painted: the older ones, a page at a time put above them. The rows
   * on screen keep their objects, so none renders again, and no read holds the host for long.
   */
  private async readOlder(conversationId: string, opening: number): Promise<void> {
    // The newest messages paint first: nothing older is read before the next frame (or a moment,
    // for a window that draws no frames while hidden).
    await afterFirstFrames();
    for (;;) {
      const first = this.snapshot.items[0];
      if (opening !== this.opening || this.partial !== conversationId || !first) return;
      let older: PathMessage[];
      try {
        older = await this.bridge.invoke('messages:older', { messageId: first.id, limit: OLDER_PAGE });
      } catch {
        // The messages shown stay and count as all there is; the next open tries again.
        if (opening === this.opening && this.partial === conversationId) {
          this.partial = null;
          this.set(this.snapshot);
        }
        return;
      }
      // Overtaken by another open, a branch switch or a reply (whose end reads the whole path).
      if (opening !== this.opening || this.partial !== conversationId || this.snapshot.items[0] !== first || this.snapshot.streaming) return;
      if (older.length < OLDER_PAGE) this.partial = null;
      this.set({ ...this.snapshot, items: older.length > 0 ? [...older.map(toItem), ...this.snapshot.items] : this.snapshot.items });
      if (this.partial === null) return;
      // Other requests (and the window's own work) go between pages.
      await whenIdle();
    }
  }

  /** Returns a message for the composer instead of sending when the text cannot be sent. */
  send(text: string, target: ReplyTarget, attachments: readonly PreparedAttachment[] = []): string | null {
    const problem = this.checkSendable(text, target, attachments.length > 0);
    if (problem) return problem;
    const user = this.tempItem('user', text);
    const action: ReplyAction = { kind: 'send', text };
    if (attachments.length) {
      user.attachments = attachments.map((a) => a.summary);
      action.attachments = attachments.map((a) => a.upload);
    }
    void this.startReply(target, action, [...this.snapshot.items, user]);
    return null;
  }

  /** Edit = a new sibling of a user message, answered afresh; the old branch stays. */
  edit(messageId: string, text: string, target: ReplyTarget): string | null {
    const problem = this.checkSendable(text, target);
    if (problem) return problem;
    const at = this.snapshot.items.findIndex((item) => item.id === messageId);
    if (at === -1) return 'That message is no longer here.';
    const old = this.snapshot.items[at] as ChatItem;
    const edited: ChatItem = { ...this.tempItem('user', text), siblingIndex: old.siblingCount, siblingCount: old.siblingCount + 1 };
    // Main copies the files of the edited message to the new version.
    if (old.attachments) edited.attachments = old.attachments;
    void this.startReply(target, { kind: 'edit', messageId, text }, [...this.snapshot.items.slice(0, at), edited]);
    return null;
  }

  /** Regenerate (and Retry) = a new sibling reply; nothing is ever retried automatically. */
  regenerate(messageId: string, target: ReplyTarget): void {
    if (this.snapshot.streaming) return;
    const at = this.snapshot.items.findIndex((item) => item.id === messageId);
    if (at === -1) return;
    void this.startReply(target, { kind: 'regenerate', messageId }, this.snapshot.items.slice(0, at));
  }

  async switchBranch(messageId: string, index: number): Promise<void> {
    if (this.snapshot.streaming) return;
    await this.replacePath(() => this.bridge.invoke('messages:switchBranch', { messageId, index }));
  }

  async deleteBranch(messageId: string): Promise<void> {
    if (this.snapshot.streaming) return;
    await this.replacePath(() => this.bridge.invoke('messages:deleteBranch', { messageId }));
  }

  /** The user's answer to a tool call waiting in the reply on screen. */
  decideTool = (callId: string, decision: ToolDecision): void => {
    if (this.snapshot.conversationId) this.replies.decide(this.snapshot.conversationId, callId, decision);
  };

  /** Stops the reply of the conversation on screen, and only that one. */
  stop(): void {
    if (this.pendingNew) this.pendingNew.stopRequested = true;
    else if (this.snapshot.conversationId) this.replies.stop(this.snapshot.conversationId);
  }

  /** The view calls this after each commit: the reply's frame it showed may now be acknowledged. */
  committed = () => this.replies.committed();

  private checkSendable(text: string, target: ReplyTarget, hasFiles = false): string | null {
    if (text.trim() === '' && !hasFiles) return 'Type a message first.';
    const { conversationId } = this.snapshot;
    // One reply per conversation: a second would race the first for the same branch.
    if (this.snapshot.streaming || (conversationId && this.replies.isStreaming(conversationId))) return CONVERSATION_BUSY;
    const size = text.length + (target.system?.length ?? 0);
    if (size > MAX_REQUEST_CHARS) {
      return `That is too long to send: ${size.toLocaleString('en')} characters, the limit is ${MAX_REQUEST_CHARS.toLocaleString('en')}. Your text is still here.`;
    }
    return null;
  }

  private async startReply(target: ReplyTarget, action: ReplyAction, before: ChatItem[]): Promise<void> {
    const row: ChatItem = { ...this.tempItem('assistant', ''), state: 'streaming', model: target.model, providerId: target.providerId };
    this.set({ ...this.snapshot, items: [...before, row], streaming: true, error: null });

    let conversationId = this.snapshot.conversationId;
    // Read before a new chat gets its id: the choice made in the composer until now.
    const toolServersOff = offFor(conversationId);
    let stopRequested = false;
    if (!conversationId) {
      const pending: PendingNewChat = { stopRequested: false };
      this.pendingNew = pending;
      try {
        conversationId = (await this.bridge.invoke('conversations:create', { providerId: target.providerId, model: target.model })).id;
      } catch (error) {
        if (this.pendingNew === pending) {
          this.pendingNew = null;
          const plume = error instanceof BridgeError ? error.plume : { kind: 'unknown' as const, message: String(error) };
          this.set({ ...this.snapshot, items: [...before, { ...row, state: 'error', error: plume }], streaming: false });
        }
        return;
      }
      stopRequested = pending.stopRequested;
      // Still on screen: this view now shows the new conversation. Gone elsewhere: it streams on.
      if (this.pendingNew === pending) {
        this.pendingNew = null;
        this.replies.watch(this.watcher(conversationId));
        this.set({ ...this.snapshot, conversationId });
      }
      adoptNewChat(conversationId);
      this.onConversationChanged(conversationId);
    }
    const request: StreamRequest = { conversationId, providerId: target.providerId, model: target.model, action };
    if (toolServersOff) request.toolServersOff = toolServersOff;
    if (target.system) request.system = target.system;
    if (target.options && Object.keys(target.options).length) request.options = target.options;
    this.replies.start(request, before, row);
    if (stopRequested) this.replies.stop(conversationId);
  }

  /** Shows the conversation's live reply if one streams; false when none does. */
  private showLive(conversationId: string): boolean {
    const rows = this.replies.rows(conversationId);
    if (!rows) return false;
    this.replies.watch(this.watcher(conversationId));
    this.set({ conversationId, items: rows, streaming: !this.replies.settled(conversationId), error: null });
    return true;
  }

  private watcher(conversationId: string): ReplyWatcher {
    return {
      conversationId,
      frame: () => {
        const rows = this.replies.rows(conversationId);
        if (rows && this.snapshot.conversationId === conversationId) {
          this.set({ ...this.snapshot, items: rows, streaming: !this.replies.settled(conversationId) });
        }
      },
      ended: (placed) => {
        if (this.snapshot.conversationId !== conversationId) return;
        if (this.snapshot.streaming) this.set({ ...this.snapshot, streaming: false });
        // Shown from its newest messages when the reply began: the saved path brings the rest.
        if (placed || this.partial === conversationId) void this.showSaved(conversationId);
      },
    };
  }

  /** After the last frame: take main's canonical path (real ids, branch counts). */
  private async showSaved(conversationId: string): Promise<void> {
    const opening = this.opening;
    try {
      const opened = await this.bridge.invoke('conversations:open', { id: conversationId });
      if (opening !== this.opening || this.snapshot.streaming || this.snapshot.conversationId !== conversationId) return;
      if (this.partial === conversationId) this.partial = null;
      this.set({ ...this.snapshot, items: this.withKeptKeys(opened.path) });
    } catch {
      // The streamed view stays; the next open shows main's copy.
    }
  }

  private async replacePath(change: () => Promise<PathMessage[]>): Promise<void> {
    try {
      const path = await change();
      this.partial = null;
      this.set({ ...this.snapshot, items: this.withKeptKeys(path), error: null });
      if (this.snapshot.conversationId) this.onConversationChanged(this.snapshot.conversationId);
    } catch (error) {
      this.set({ ...this.snapshot, error: (error as Error).message });
    }
  }

  /** Main's copy of the path, keeping the React keys of rows already on screen. */
  private withKeptKeys(path: PathMessage[]): ChatItem[] {
    const shown = new Map(this.snapshot.items.map((item) => [item.id, item]));
    return path.map((m) => keepToolCalls({ ...toItem(m), key: shown.get(m.id)?.key ?? m.id }, shown.get(m.id)));
  }

  private tempItem(role: 'user' | 'assistant', text: string): ChatItem {
    const id = `tmp-${++this.tempIds}`;
    return { id, key: id, role, text, reasoning: '', state: role === 'user' ? 'sent' : 'streaming', siblingIndex: 0, siblingCount: 1 };
  }

  private set(next: Omit<ChatSnapshot, 'olderPending'>): void {
    this.snapshot = { ...next, olderPending: next.conversationId !== null && this.partial === next.conversationId };
    for (const listener of this.listeners) listener();
  }
}

/**
 * After the frame that shows the newest messages and the one after it (the reader's first look),
 * once the window has nothing else to do; soon anyway if it stays busy or hidden (no frames).
 */
function afterFirstFrames(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 300);
    requestAnimationFrame(() => requestAnimationFrame(() =>
      requestIdleCallback(
        () => {
          clearTimeout(fallback);
          resolve();
        },
        { timeout: 300 },
      ),
    ));
  });
}

/** A moment when the window is idle, between two pages of older messages. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 100 }));
}
