// The branch a person was looking at, for the readable formats (Markdown, HTML).
import type { ConversationSnapshot, SnapshotMessage } from '../snapshot.ts';

export function activeMessages(c: ConversationSnapshot): { shown: SnapshotMessage[]; hiddenCount: number } {
  const byId = new Map(c.messages.map((m) => [m.id, m]));
  const shown: SnapshotMessage[] = [];
  let next = c.activeRootId ? byId.get(c.activeRootId) : undefined;
  while (next && shown.length < c.messages.length) {
    shown.push(next);
    next = next.activeChildId ? byId.get(next.activeChildId) : undefined;
  }
  return { shown, hiddenCount: c.messages.length - shown.length };
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

export function speaker(m: SnapshotMessage): string {
  if (m.role === 'user') return 'You';
  if (m.role === 'system') return 'System';
  return m.model ? `Assistant · ${m.model}` : 'Assistant';
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
