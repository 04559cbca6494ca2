// Plume's own JSON export, checked field by field: it is a file anyone can edit.
import type { StoredToolCall } from '../../../shared/tool-calls';
import type { ReplyState } from '../../../shared/chat';
import { AttachmentProblem, checkAttachment } from '../../attachments/check.ts';
import type { ConversationSnapshot, SnapshotAttachment, SnapshotMessage } from '../snapshot.ts';
import { PLUME_ATTACHMENTS_VERSION, PLUME_FORMAT, PLUME_SCHEMA_VERSION } from '../export/plume-json.ts';
import { ImportError, arr, num, obj, oneOf, optStr, str, type Json, type JsonObject } from './read.ts';
import { readError, readFinish, readOptions, readStats } from './plume-fields.ts';
import { parentsFirst } from './tree.ts';

const STATES: readonly ReplyState[] = ['streaming', 'complete', 'stopped', 'error', 'interrupted'];

/** The bytes are checked like a file attached in the window; kind and type come from them. */
function readAttachment(raw: Json, where: string): SnapshotAttachment {
  const a = obj(raw, where);
  let checked;
  try {
    checked = checkAttachment({ name: str(a.name, `${where}.name`), data: str(a.data, `${where}.data`), thumbnail: a.thumbnail ?? undefined });
  } catch (error) {
    if (error instanceof AttachmentProblem) throw new ImportError(where, `is not a file Plume can keep: ${error.message}`);
    throw error;
  }
  if (a.sha256 !== undefined && a.sha256 !== checked.sha256) throw new ImportError(`${where}.sha256`, 'does not match the attached bytes: the file was changed or damaged.');
  const { bytes, ...rest } = checked;
  return { ...rest, data: bytes.toString('base64') };
}

function readMessage(raw: Json, where: string): SnapshotMessage {
  const m = obj(raw, where);
  const state = oneOf(m.state, STATES, `${where}.state`);
  const message: SnapshotMessage = {
    id: str(m.id, `${where}.id`),
    parentId: optStr(m.parentId, `${where}.parentId`),
    activeChildId: optStr(m.activeChildId, `${where}.activeChildId`),
    role: oneOf(m.role, ['user', 'assistant', 'system'] as const, `${where}.role`),
    text: str(m.text, `${where}.text`),
    reasoning: str(m.reasoning ?? '', `${where}.reasoning`),
    providerId: optStr(m.providerId, `${where}.providerId`),
    model: optStr(m.model, `${where}.model`),
    // A reply exported mid-stream can never finish now.
    state: state === 'streaming' ? 'interrupted' : state,
    finish: readFinish(m.finish, `${where}.finish`),
    error: readError(m.error, `${where}.error`),
    stats: readStats(m.stats, `${where}.stats`),
    createdAt: num(m.createdAt, `${where}.createdAt`),
    updatedAt: num(m.updatedAt, `${where}.updatedAt`),
  };
  if (m.attachments !== undefined && m.attachments !== null) {
    const list = arr(m.attachments, `${where}.attachments`).map((a, i) => readAttachment(a, `${where}.attachments[${i}]`));
    if (list.length) message.attachments = list;
  }
  // Tool calls are data for display only: kept as exported, never run on import.
  const toolCalls = Array.isArray(m.toolCalls) ? (m.toolCalls as unknown[]).filter(isStoredToolCall) : [];
  if (toolCalls.length) message.toolCalls = toolCalls;
  const toolNotices = Array.isArray(m.toolNotices) ? m.toolNotices.filter((n): n is string => typeof n === 'string') : [];
  if (toolNotices.length) message.toolNotices = toolNotices;
  return message;
}

function readConversation(raw: Json, where: string): ConversationSnapshot {
  const c = obj(raw, where);
  const messages = arr(c.messages, `${where}.messages`).map((m, i) => readMessage(m, `${where}.messages[${i}]`));
  const index = new Map<string, number>();
  messages.forEach((m, i) => {
    if (index.has(m.id)) throw new ImportError(`${where}.messages[${i}].id`, `repeats an earlier message id (${JSON.stringify(m.id)})`);
    index.set(m.id, i);
  });
  messages.forEach((m, i) => {
    if (m.parentId !== null && !index.has(m.parentId)) {
      throw new ImportError(`${where}.messages[${i}].parentId`, `points to a missing message (${JSON.stringify(m.parentId)})`);
    }
    const child = m.activeChildId === null ? undefined : messages[index.get(m.activeChildId) ?? -1];
    if (m.activeChildId !== null && child?.parentId !== m.id) {
      throw new ImportError(`${where}.messages[${i}].activeChildId`, `is not a child of this message (${JSON.stringify(m.activeChildId)})`);
    }
  });
  const activeRootId = optStr(c.activeRootId, `${where}.activeRootId`);
  if (activeRootId !== null && messages[index.get(activeRootId) ?? -1]?.parentId !== null) {
    throw new ImportError(`${where}.activeRootId`, `is not a first message of this conversation (${JSON.stringify(activeRootId)})`);
  }
  const options = readOptions(c.options, `${where}.options`);
  return {
    id: str(c.id, `${where}.id`),
    title: str(c.title, `${where}.title`),
    titleSource: oneOf(c.titleSource ?? 'user', ['auto', 'user'] as const, `${where}.titleSource`),
    createdAt: num(c.createdAt, `${where}.createdAt`),
    updatedAt: num(c.updatedAt, `${where}.updatedAt`),
    pinned: c.pinned === true,
    providerId: optStr(c.providerId, `${where}.providerId`),
    model: optStr(c.model, `${where}.model`),
    options,
    // Files from before system prompts were stored have none.
    systemPrompt: c.systemPrompt === undefined ? '' : str(c.systemPrompt, `${where}.systemPrompt`),
    activeRootId,
    sourceKey: null,
    messages: parentsFirst(messages, `${where}.messages`),
  };
}

export function looksLikePlume(doc: Json): boolean {
  return !!doc && typeof doc === 'object' && !Array.isArray(doc) && doc.format === PLUME_FORMAT;
}

export function fromPlume(doc: JsonObject): ConversationSnapshot[] {
  if (doc.version !== PLUME_SCHEMA_VERSION && doc.version !== PLUME_ATTACHMENTS_VERSION) {
    throw new ImportError(
      'version',
      `is ${JSON.stringify(doc.version)}: this is a Plume export with a schema this build does not know (it reads versions ${PLUME_SCHEMA_VERSION} and ${PLUME_ATTACHMENTS_VERSION}). Update Plume to import it.`,
    );
  }
  return arr(doc.conversations, 'conversations').map((c, i) => readConversation(c, `conversations[${i}]`));
}

/** Only calls with the fields the window reads; anything else in a hand-edited file is left out. */
function isStoredToolCall(value: unknown): value is StoredToolCall {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const result = c['result'] as { parts?: unknown; isError?: unknown } | undefined;
  return (
    typeof c['callId'] === 'string' && typeof c['name'] === 'string' && typeof c['argsText'] === 'string' &&
    typeof c['at'] === 'number' && typeof c['complete'] === 'boolean' &&
    (result === undefined || (typeof result === 'object' && result !== null && Array.isArray(result.parts) && typeof result.isError === 'boolean'))
  );
}
