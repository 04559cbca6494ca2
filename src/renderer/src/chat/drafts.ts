// Unsent text per conversation, kept in localStorage so it survives switching conversations and
// restarting the app; a draft never follows you into another conversation.
const PREFIX = 'plume.draft.';

const keyOf = (conversationId: string | null) => PREFIX + (conversationId ?? 'new');

export function readDraft(conversationId: string | null): string {
  try {
    return localStorage.getItem(keyOf(conversationId)) ?? '';
  } catch {
    return '';
  }
}

export function writeDraft(conversationId: string | null, text: string): void {
  try {
    if (text === '') localStorage.removeItem(keyOf(conversationId));
    else localStorage.setItem(keyOf(conversationId), text);
  } catch {
    // Storage full or unavailable: the draft then lives only while the composer is open.
  }
}
