// Which MCP servers each conversation offers, as the window knows it: the ids switched off, per
// conversation. Main keeps the stored copy; this one exists so a new chat (no id until its first
// message) can have a choice too, and so the reply request can carry it.
type Key = string | null;

const choices = new Map<Key, string[]>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
/** One empty list, so React sees the same snapshot until something changes. */
const NONE: string[] = [];

/** The servers switched off, or undefined while an existing conversation's choice is not loaded. */
export function offFor(conversationId: Key): string[] | undefined {
  return choices.get(conversationId) ?? (conversationId === null ? NONE : undefined);
}

export function setOff(conversationId: Key, off: string[]): void {
  choices.set(conversationId, off);
  notify();
}

/** A new chat got its id: its choice is now that conversation's, and the next new chat starts afresh. */
export function adoptNewChat(conversationId: string): void {
  const chosen = choices.get(null);
  choices.delete(null);
  if (chosen) choices.set(conversationId, chosen);
  notify();
}

export function subscribeChoices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
