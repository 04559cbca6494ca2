// Turning SQLite rows into the shared shapes. JSON columns are parsed here and nowhere else.
import type { StoredToolCall } from '../../shared/tool-calls';
import type { GenerationOptions, ReplyState, ReplyStats, Role } from '../../shared/chat';
import type { ConversationSummary, MessageNode } from '../../shared/conversations';
import type { FinishReason, PlumeError } from '../../shared/provider-events';

export interface ConversationRow {
  id: string;
  title: string;
  title_source: 'auto' | 'user';
  created_at: number;
  updated_at: number;
  pinned: number;
  provider_id: string | null;
  model: string | null;
  options: string;
  system_prompt: string;
  active_root_id: string | null;
  deleted_at: number | null;
  source_key: string | null;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  active_child_id: string | null;
  role: Role;
  text: string;
  reasoning: string;
  provider_id: string | null;
  model: string | null;
  state: ReplyState;
  finish: FinishReason | null;
  error: string | null;
  stats: string | null;
  created_at: number;
  updated_at: number;
  tool_calls: string | null;
  tool_notices: string | null;
}

export const CONVERSATION_COLUMNS =
  'id, title, title_source, created_at, updated_at, pinned, provider_id, model, options, system_prompt, active_root_id, deleted_at, source_key';

export const MESSAGE_COLUMNS =
  'id, conversation_id, parent_id, active_child_id, role, text, reasoning, provider_id, model, state, finish, error, stats, created_at, updated_at, tool_calls, tool_notices';

export function toConversation(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    titleSource: row.title_source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pinned: row.pinned === 1,
    providerId: row.provider_id,
    model: row.model,
    options: JSON.parse(row.options) as GenerationOptions,
    systemPrompt: row.system_prompt,
    deletedAt: row.deleted_at,
  };
}

export function toMessage(row: MessageRow): MessageNode {
  const node: MessageNode = {
    id: row.id,
    conversationId: row.conversation_id,
    parentId: row.parent_id,
    role: row.role,
    text: row.text,
    reasoning: row.reasoning,
    providerId: row.provider_id,
    model: row.model,
    state: row.state,
    finish: row.finish,
    error: row.error === null ? null : (JSON.parse(row.error) as PlumeError),
    stats: row.stats === null ? null : (JSON.parse(row.stats) as ReplyStats),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.tool_calls) node.toolCalls = JSON.parse(row.tool_calls) as StoredToolCall[];
  if (row.tool_notices) node.toolNotices = JSON.parse(row.tool_notices) as string[];
  return node;
}
