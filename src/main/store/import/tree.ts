// Foreign chat exports to snapshots: stable ids, parents before children, remembered branch.
import { createHash } from 'node:crypto';
import type { ReplyState, Role } from '../../../shared/chat';
import type { FinishReason } from '../../../shared/provider-events';
import type { StoredToolCall } from '../../../shared/tool-calls';
import type { ConversationSnapshot, SnapshotAttachment, SnapshotMessage } from '../snapshot.ts';
import { ImportError } from './read.ts';

export interface ForeignMessage {
  sourceId: string;
  /** Source id of the parent, already checked to exist (or null for a first message). */
  parentSourceId: string | null;
  role: Role;
  text: string;
  reasoning: string;
  model: string | null;
  createdAt: number;
  attachments?: SnapshotAttachment[];
  /** Tool calls the other app ran, shown (never run) with the reply. */
  toolCalls?: StoredToolCall[];
  /** How a reply ended when the source says so ('stopped' by the user); complete otherwise. */
  state?: Extract<ReplyState, 'complete' | 'stopped'>;
  finish?: FinishReason | null;
}

export interface ForeignConversation {
  /** e.g. "chatgpt:<conversation id>"; the key that makes a second import of it a no-op. */
  sourceKey: string;
  providerId: string | null;
  title: string;
  createdAt: number;
  updatedAt: number;
  messages: ForeignMessage[];
  /** The message the source app was showing; its ancestors form the active path. */
  activeLeafSourceId: string | null;
}

/** A UUID-shaped id derived from the source, so the same file always yields the same ids. */
function stableId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Orders messages so every parent precedes its children, rejecting cycles (which a
 * hand-edited or corrupted file can contain). `where` names the list in errors.
 */
export function parentsFirst<T extends { id: string; parentId: string | null }>(items: T[], where: string): T[] {
  // Already in order (every Plume export is): keep it, so a round trip is byte-for-byte.
  const seen = new Set<string>();
  if (items.every((m) => (m.parentId === null || seen.has(m.parentId)) && seen.add(m.id))) return items;
  const children = new Map<string | null, T[]>();
  for (const m of items) {
    const list = children.get(m.parentId) ?? [];
    list.push(m);
    children.set(m.parentId, list);
  }
  const out: T[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const m = stack.pop() as T;
    out.push(m);
    stack.push(...[...(children.get(m.id) ?? [])].reverse());
  }
  if (out.length !== items.length) {
    const reached = new Set(out.map((m) => m.id));
    const stuck = items.find((m) => !reached.has(m.id));
    throw new ImportError(where, `has a cycle of parent links through ${JSON.stringify(stuck?.id)}`);
  }
  return out;
}

export function foreignToSnapshot(c: ForeignConversation, where: string): ConversationSnapshot {
  const idOf = (sourceId: string): string => stableId(c.sourceKey, sourceId);
  const withIds = c.messages.map((m) => ({ ...m, id: idOf(m.sourceId), parentId: m.parentSourceId === null ? null : idOf(m.parentSourceId) }));
  const ordered = parentsFirst(withIds, where);

  // The active path: the leaf the source app showed and its ancestors; elsewhere the newest child.
  const byId = new Map(ordered.map((m) => [m.id, m]));
  const activeChild = new Map<string | null, string>();
  for (const m of ordered) activeChild.set(m.parentId, m.id);
  let cursor = c.activeLeafSourceId === null ? undefined : byId.get(idOf(c.activeLeafSourceId));
  for (let guard = 0; cursor && guard <= ordered.length; guard++) {
    activeChild.set(cursor.parentId, cursor.id);
    cursor = cursor.parentId === null ? undefined : byId.get(cursor.parentId);
  }

  const messages: SnapshotMessage[] = ordered.map((m) => ({
    ...(m.attachments?.length ? { attachments: m.attachments } : {}),
    ...(m.toolCalls?.length ? { toolCalls: m.toolCalls } : {}),
    id: m.id,
    parentId: m.parentId,
    activeChildId: activeChild.get(m.id) ?? null,
    role: m.role,
    text: m.text,
    reasoning: m.reasoning,
    providerId: m.role === 'assistant' ? c.providerId : null,
    model: m.role === 'assistant' ? m.model : null,
    state: m.state ?? 'complete',
    finish: m.finish ?? null,
    error: null,
    stats: null,
    createdAt: m.createdAt,
    updatedAt: m.createdAt,
  }));
  return {
    id: stableId(c.sourceKey),
    title: c.title.trim() || 'Imported conversation',
    titleSource: 'user',
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    pinned: false,
    providerId: c.providerId,
    model: [...messages].reverse().find((m) => m.model)?.model ?? null,
    options: {},
    systemPrompt: '',
    activeRootId: activeChild.get(null) ?? null,
    sourceKey: c.sourceKey,
    messages,
  };
}
