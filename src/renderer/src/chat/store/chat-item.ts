// A row of a conversation as the window shows it, and what a reply is asked of. Shared by the
// view's conversation store and the store of live replies, so neither depends on the other.
import type { ReplyState, ReplyStats } from '../../../../shared/chat';
import type { PathMessage } from '../../../../shared/conversations';
import type { PlumeError } from '../../../../shared/provider-events';
import type { RetryNotice } from '../../../../shared/retry';
import type { AttachmentSummary } from '../attachments/types';
import { type ToolCallView, viewsFromStored } from './tool-calls';

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
  /** The provider that wrote a reply, for its label. */
  providerId?: string;
  /** Position among alternatives (edits, regenerations), for the ‹ 2/3 › switcher. */
  siblingIndex: number;
  siblingCount: number;
  /** Files sent with a user message. */
  attachments?: AttachmentSummary[];
  /** While main waits to retry the request; `until` is on the `Date.now()` clock. */
  retry?: RetryNotice & { until: number };
  /** Tool calls the reply made, in the order they appeared. */
  toolCalls?: readonly ToolCallView[];
  /** Notices about the reply's tool use, e.g. the step cap was reached. */
  toolNotices?: readonly string[];
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
  if (m.providerId) item.providerId = m.providerId;
  if (m.attachments?.length) item.attachments = m.attachments;
  if (m.toolCalls?.length) item.toolCalls = viewsFromStored(m.toolCalls);
  if (m.toolNotices?.length) item.toolNotices = m.toolNotices;
  return item;
}
