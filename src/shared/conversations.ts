// What the renderer sees of stored conversations. The store in main produces these; the
// renderer only ever receives them through the typed contract, never a database handle.
import type { StoredToolCall } from './tool-calls';
import type { GenerationOptions, ReplyState, ReplyStats, Role } from './chat';
import type { FinishReason, PlumeError } from './provider-events';

export interface ConversationSummary {
  id: string;
  title: string;
  /** 'user' once renamed by hand, so an automatic title never overwrites it. */
  titleSource: 'auto' | 'user';
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  pinned: boolean;
  providerId: string | null;
  model: string | null;
  options: GenerationOptions;
  /** Sent as the system message of every reply in this conversation; '' for none. */
  systemPrompt: string;
  /** Set while the conversation sits in the Undo window after a delete. */
  deletedAt: number | null;
}

export interface MessageNode {
  id: string;
  conversationId: string;
  /** null for the first message of a branch at the top of the conversation. */
  parentId: string | null;
  role: Role;
  text: string;
  reasoning: string;
  providerId: string | null;
  model: string | null;
  /** User and system messages are always 'complete'. */
  state: ReplyState;
  finish: FinishReason | null;
  error: PlumeError | null;
  stats: ReplyStats | null;
  createdAt: number;
  updatedAt: number;
  /** The reply's tool calls with their arguments, decisions and results. */
  toolCalls?: StoredToolCall[];
  /** Notices about the reply's tools as a whole (the step limit was reached…). */
  toolNotices?: string[];
}

/** One message of the active path, with what the `‹ 2/3 ›` switcher needs. */
export interface PathMessage extends MessageNode {
  /** 0-based position among messages sharing this parent, oldest first. */
  siblingIndex: number;
  siblingCount: number;
}

/** Character ranges [start, end) of `text` to highlight; `text` is plain, never HTML. */
export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
}

export interface SearchHit {
  conversationId: string;
  conversationTitle: string;
  /** The matched words in the title, as ranges of `conversationTitle`. */
  titleHighlights?: Array<[number, number]>;
  /** null when the hit is the conversation title rather than a message. */
  messageId: string | null;
  role: Role | null;
  snippet: Snippet;
  /** Lower is better; only meaningful for ordering hits of one search. */
  rank: number;
  updatedAt: number;
  /** When the message was written (the conversation's last change for a title hit), ms. */
  at?: number;
}

export type ExportFormat = 'markdown' | 'json' | 'html';

export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
}

export type ImportFormat = 'plume' | 'chatgpt' | 'claude';

export interface ImportResult {
  format: ImportFormat;
  imported: number;
  /** Conversations already present from an earlier import of the same source. */
  skipped: number;
  messages: number;
}

/** How far a running import got: conversations written of those in the file (0 of 0 while reading). */
export interface ImportJobProgress {
  done: number;
  total: number;
}

export type DateGroupLabel = 'Pinned' | 'Today' | 'Yesterday' | 'Previous 7 days' | 'Previous 30 days' | string;

export interface ConversationGroup {
  label: DateGroupLabel;
  conversations: ConversationSummary[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Local midnight `daysAgo` calendar days before `now`; Date arithmetic keeps DST days right. */
function dayStart(now: number, daysAgo: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysAgo).getTime();
}

function labelFor(updatedAt: number, now: number): string {
  // Calendar days, not 24 h windows, so "Yesterday" matches what a person means around midnight.
  if (updatedAt >= dayStart(now, 0)) return 'Today';
  if (updatedAt >= dayStart(now, 1)) return 'Yesterday';
  if (updatedAt >= dayStart(now, 7)) return 'Previous 7 days';
  if (updatedAt >= dayStart(now, 30)) return 'Previous 30 days';
  const d = new Date(updatedAt);
  const month = MONTHS[d.getMonth()] ?? '';
  return d.getFullYear() === new Date(now).getFullYear() ? month : `${month} ${d.getFullYear()}`;
}

/**
 * Sidebar sections: pinned first, then by the local calendar day of the last activity.
 * Input order is kept inside each group, so pass the list already sorted newest first.
 */
export function groupConversations(list: readonly ConversationSummary[], now: number): ConversationGroup[] {
  const groups: ConversationGroup[] = [];
  const byLabel = new Map<string, ConversationGroup>();
  const put = (label: string, c: ConversationSummary): void => {
    let g = byLabel.get(label);
    if (!g) {
      g = { label, conversations: [] };
      byLabel.set(label, g);
      groups.push(g);
    }
    g.conversations.push(c);
  };
  for (const c of list) if (c.pinned) put('Pinned', c);
  for (const c of list) if (!c.pinned) put(labelFor(c.updatedAt, now), c);
  return groups;
}

/** How long a deleted conversation can be brought back (the Undo toast); then it is erased. */
export const UNDO_WINDOW_MS = 10_000;
