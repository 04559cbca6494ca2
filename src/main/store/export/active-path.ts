// Which messages a readable export (Markdown, HTML) shows, in what order: the branch on screen,
// or every branch of the tree with each version labelled; and how a reply that did not end
// normally is described.
import type { ConversationSnapshot, SnapshotMessage } from '../snapshot.ts';

export type BranchChoice = 'shown' | 'all';

export interface OrderedMessage {
  message: SnapshotMessage;
  /** "Version 2 of 3" for a message with siblings; null otherwise. */
  version: { index: number; count: number } | null;
  /** Nesting under an earlier version (0 on the shown branch); only with every branch. */
  depth: number;
}

export function messagesToShow(c: ConversationSnapshot, branches: BranchChoice): { items: OrderedMessage[]; hiddenCount: number } {
  const children = new Map<string | null, SnapshotMessage[]>();
  for (const m of c.messages) {
    const list = children.get(m.parentId) ?? [];
    list.push(m);
    children.set(m.parentId, list);
  }
  const version = (m: SnapshotMessage) => {
    const siblings = children.get(m.parentId) ?? [m];
    return siblings.length > 1 ? { index: siblings.indexOf(m) + 1, count: siblings.length } : null;
  };
  const items: OrderedMessage[] = [];
  if (branches === 'all') {
    // Depth first, children in creation order: each version is followed by its own continuation.
    const stack: Array<{ m: SnapshotMessage; depth: number }> = (children.get(null) ?? []).map((m) => ({ m, depth: 0 })).reverse();
    while (stack.length > 0) {
      const { m, depth } = stack.pop() as { m: SnapshotMessage; depth: number };
      const v = version(m);
      items.push({ message: m, version: v, depth });
      const next = children.get(m.id) ?? [];
      for (let i = next.length - 1; i >= 0; i--) stack.push({ m: next[i] as SnapshotMessage, depth: next.length > 1 && i > 0 ? depth + 1 : depth });
    }
    return { items, hiddenCount: 0 };
  }
  const byId = new Map(c.messages.map((m) => [m.id, m]));
  let next = c.activeRootId ? byId.get(c.activeRootId) : undefined;
  while (next && items.length < c.messages.length) {
    items.push({ message: next, version: version(next), depth: 0 });
    next = next.activeChildId ? byId.get(next.activeChildId) : undefined;
  }
  return { items, hiddenCount: c.messages.length - items.length };
}

/** A short human note for replies that did not end normally; null when they did. */
export function outcomeNote(m: SnapshotMessage): string | null {
  switch (m.state) {
    case 'stopped':
      return 'Stopped before the end.';
    case 'interrupted':
      return 'Interrupted: Plume closed before this reply finished.';
    case 'error':
      return `Error: ${m.error?.message ?? 'the reply failed.'}`;
    case 'streaming':
      return 'Still being written when exported.';
    default:
      return m.finish === 'length' ? 'Cut off at the maximum reply length.' : null;
  }
}
