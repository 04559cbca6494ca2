// The open conversation as the window sees it. Reply deltas land here, outside React; one flush
// per animation frame publishes a new snapshot in which only the streaming message is a new
// object, so memoized messages never re-render. Credit goes back to main after React commits.
// History lives in main: this store shows the active path and asks main to change it.
import type { GenerationOptions, ReplyAction, ReplyState, ReplyStats, StreamRequest } from '../../../shared/chat';
import type { PlumeBridge } from '../../../shared/contract';
import type { PathMessage } from '../../../shared/conversations';
import { MAX_REQUEST_CHARS } from '../../../shared/limits';
import type { ReplyMessage } from '../../../shared/port/messages';
import { ReplyReceiver } from '../../../shared/port/reply-receiver';
import type { PlumeError } from '../../../shared/provider-events';
import type { AttachmentSummary, PreparedAttachment } from '../attachments/types';
import { BridgeError } from '../bridge/errors';
import { createFrameScheduler } from './frame-scheduler';
import type { ToolDecision } from '../../../shared/tool-calls';
import { keepToolCalls, LiveToolCalls, viewsFromStored, type ToolCallView } from './tool-calls';

export interface ChatItem {
  id: string;
  /** React key: stays the same when an optimistic row gets its saved id, so nothing remounts. */
  key: string;
  role: 'user' | 'assistant' | 'system';
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
  /** Position among alternatives (edits, regenerations), for the ‹ 2/3 › switcher. */
  siblingIndex: number;
  siblingCount: number;
  /** Files sent with a user message. */
  attachments?: AttachmentSummary[];
  /** Tool calls the reply made, in the order they appeared. */
  toolCalls?: readonly ToolCallView[];
  /** Notices about the reply's tool use, e.g. the step cap was reached. */
  toolNotices?: readonly string[];
}

export interface ReplyTarget {
  providerId: string;
  model: string;
  system?: string;
  options?: GenerationOptions;
}

export interface ChatSnapshot {
  conversationId: string | null;
  items: readonly ChatItem[];
  streaming: boolean;
  /** A failure of the conversation itself (could not open, branch switch failed…). */
  error: string | null;
}

interface LiveReply {
  /** The key of the reply's row in `items`. */
  key: string;
  receiver?: ReplyReceiver;
  text: string[];
  reasoning: string[];
  tools: LiveToolCalls;
  end?: Extract<ReplyMessage, { t: 'end' }>;
  ttftMs?: number;
  lost?: PlumeError;
  placement?: { userMessageId: string; assistantMessageId: string };
  dirty: boolean;
  stopRequested: boolean;
}

/** If nothing renders the conversation, credit must still flow. */
const COMMIT_FALLBACK_MS = 200;

export class ChatStore {
  private snapshot: ChatSnapshot = { conversationId: null, items: [], streaming: false, error: null };
  private live: LiveReply | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly schedule = createFrameScheduler(() => this.publish());
  private awaitingCommit: ReturnType<typeof setTimeout> | undefined;
  private tempIds = 0;
  /** Called when a reply ended or the conversation changed, so the sidebar can refresh. */
  onConversationChanged: (conversationId: string) => void = () => {};

  constructor(private readonly bridge: PlumeBridge) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Shows a conversation, or an empty new chat for `null`; `messageId` picks the branch through it. */
  async open(conversationId: string | null, messageId: string | null = null): Promise<void> {
    this.dropLive();
    if (conversationId === null) {
      this.set({ conversationId: null, items: [], streaming: false, error: null });
      return;
    }
    try {
      const path = messageId
        ? await this.bridge.invoke('messages:select', { messageId })
        : (await this.bridge.invoke('conversations:open', { id: conversationId })).path;
      this.set({ conversationId, items: path.map(toItem), streaming: false, error: null });
    } catch (error) {
      this.set({ ...this.snapshot, error: (error as Error).message });
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
    if (this.live) return;
    const at = this.snapshot.items.findIndex((item) => item.id === messageId);
    if (at === -1) return;
    void this.startReply(target, { kind: 'regenerate', messageId }, this.snapshot.items.slice(0, at));
  }

  async switchBranch(messageId: string, index: number): Promise<void> {
    if (this.live) return;
    await this.replacePath(() => this.bridge.invoke('messages:switchBranch', { messageId, index }));
  }

  async deleteBranch(messageId: string): Promise<void> {
    if (this.live) return;
    await this.replacePath(() => this.bridge.invoke('messages:deleteBranch', { messageId }));
  }

  /** The user's answer to a tool call waiting in the streaming reply. */
  decideTool = (callId: string, decision: ToolDecision): void => {
    this.live?.receiver?.decide(callId, decision);
  };

  stop(): void {
    const reply = this.live;
    if (!reply || reply.stopRequested) return;
    reply.stopRequested = true;
    reply.receiver?.stop();
  }

  /** The view calls this after each commit: applied messages may now be acknowledged. */
  committed = () => {
    clearTimeout(this.awaitingCommit);
    this.awaitingCommit = undefined;
    const reply = this.live;
    if (!reply) return;
    reply.receiver?.grant();
    if (reply.end || reply.lost) void this.finishReply(reply);
  };

  private checkSendable(text: string, target: ReplyTarget, hasFiles = false): string | null {
    if (text.trim() === '' && !hasFiles) return 'Type a message first.';
    if (this.live) return 'Wait for the current reply to finish, or stop it.';
    const size = text.length + (target.system?.length ?? 0);
    if (size > MAX_REQUEST_CHARS) {
      return `That is too long to send: ${size.toLocaleString('en')} characters, the limit is ${MAX_REQUEST_CHARS.toLocaleString('en')}. Your text is still here.`;
    }
    return null;
  }

  private async startReply(target: ReplyTarget, action: ReplyAction, itemsBefore: ChatItem[]): Promise<void> {
    const assistant = { ...this.tempItem('assistant', ''), state: 'streaming' as const, model: target.model };
    const reply: LiveReply = { key: assistant.key, text: [], reasoning: [], tools: new LiveToolCalls(), dirty: false, stopRequested: false };
    this.live = reply;
    this.set({ ...this.snapshot, items: [...itemsBefore, assistant], streaming: true, error: null });

    try {
      let conversationId = this.snapshot.conversationId;
      if (!conversationId) {
        conversationId = (await this.bridge.invoke('conversations:create', { providerId: target.providerId, model: target.model })).id;
        if (this.live !== reply) return;
        this.set({ ...this.snapshot, conversationId });
        this.onConversationChanged(conversationId);
      }
      const request: StreamRequest = { conversationId, providerId: target.providerId, model: target.model, action };
      if (target.system) request.system = target.system;
      if (target.options && Object.keys(target.options).length) request.options = target.options;
      const port = await this.bridge.openStream(request);
      if (this.live !== reply) return port.close(); // switched away meanwhile
      reply.receiver = new ReplyReceiver(port, {
        onMessage: (message) => this.apply(reply, message),
        onLost: () => {
          reply.lost = { kind: 'connection_lost', message: 'Lost the connection to Plume while the reply was streaming. The text so far is kept.' };
          this.markDirty(reply);
        },
      });
      reply.receiver.start();
      if (reply.stopRequested) reply.receiver.stop();
    } catch (error) {
      reply.lost = error instanceof BridgeError ? error.plume : { kind: 'unknown', message: String(error) };
      this.markDirty(reply);
    }
  }

  private apply(reply: LiveReply, message: ReplyMessage): void {
    if (message.placement) reply.placement = message.placement;
    if (message.text) reply.text.push(message.text);
    if (message.reasoning) reply.reasoning.push(message.reasoning);
    if (message.tools) reply.tools.add(message.tools);
    if (message.ttftMs !== undefined) reply.ttftMs = message.ttftMs;
    if (message.t === 'end') reply.end = message;
    this.markDirty(reply);
  }

  private markDirty(reply: LiveReply): void {
    reply.dirty = true;
    this.schedule();
  }

  private publish(): void {
    const reply = this.live;
    if (!reply || !reply.dirty) return;
    reply.dirty = false;
    // The live reply is the last row (its user message just before it): touch only those.
    const items = [...this.snapshot.items];
    const at = items.findLastIndex((item) => item.key === reply.key);
    const current = items[at];
    if (!current) return;
    const asked = items[at - 1];
    // The optimistic user row takes its saved id as soon as main has placed the reply.
    if (reply.placement && asked?.role === 'user' && asked.id !== reply.placement.userMessageId) {
      items[at - 1] = { ...asked, id: reply.placement.userMessageId };
    }
    items[at] = withReply(current, reply, performance.now());
    this.set({ ...this.snapshot, items, streaming: !(reply.end || reply.lost) });
    clearTimeout(this.awaitingCommit);
    this.awaitingCommit = setTimeout(this.committed, COMMIT_FALLBACK_MS);
  }

  /** After the last frame: take main's canonical path (real ids, branch counts). */
  private async finishReply(reply: LiveReply): Promise<void> {
    if (this.live !== reply) return;
    this.live = null;
    const conversationId = this.snapshot.conversationId;
    if (!conversationId) return;
    this.onConversationChanged(conversationId);
    if (!reply.placement) return; // failed before main created rows: keep the inline error
    try {
      const opened = await this.bridge.invoke('conversations:open', { id: conversationId });
      if (this.live || this.snapshot.conversationId !== conversationId) return;
      this.set({ ...this.snapshot, items: this.withKeptKeys(opened.path) });
    } catch {
      // The streamed view stays; the next open shows main's copy.
    }
  }

  private async replacePath(change: () => Promise<PathMessage[]>): Promise<void> {
    try {
      const path = await change();
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

  private dropLive(): void {
    this.live?.receiver?.close();
    this.live = null;
  }

  private tempItem(role: 'user' | 'assistant', text: string): ChatItem {
    const id = `tmp-${++this.tempIds}`;
    return { id, key: id, role, text, reasoning: '', state: role === 'user' ? 'sent' : 'streaming', siblingIndex: 0, siblingCount: 1 };
  }

  private set(next: ChatSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

export function toItem(m: PathMessage): ChatItem {
  const item: ChatItem = {
    id: m.id,
    key: m.id,
    role: m.role,
    text: m.text,
    reasoning: m.reasoning,
    state: m.role === 'assistant' ? m.state : 'sent',
    siblingIndex: m.siblingIndex,
    siblingCount: m.siblingCount,
  };
  if (m.error) item.error = m.error;
  if (m.stats) {
    item.stats = m.stats;
    if (m.stats.ttftMs !== undefined) item.ttftMs = m.stats.ttftMs;
  }
  if (m.model) item.model = m.model;
  if (m.attachments?.length) item.attachments = m.attachments;
  if (m.toolCalls?.length) item.toolCalls = viewsFromStored(m.toolCalls);
  return item;
}

/** The reply's row with everything received since the last frame applied. */
function withReply(item: ChatItem, reply: LiveReply, now: number): ChatItem {
  const next: ChatItem = {
    ...item,
    id: reply.placement?.assistantMessageId ?? item.id,
    text: item.text + reply.text.join(''),
    reasoning: item.reasoning + reply.reasoning.join(''),
  };
  reply.text = [];
  reply.reasoning = [];
  const tools = reply.tools.apply(item.toolCalls, !!(reply.end || reply.lost));
  if (tools.calls) next.toolCalls = tools.calls;
  if (tools.notices.length) next.toolNotices = [...(item.toolNotices ?? []), ...tools.notices];
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
}

