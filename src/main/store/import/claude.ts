// Claude.ai data export (conversations.json): an array of conversations with `chat_messages`
// in order. Newer exports also carry `parent_message_uuid`; when present it is used, so
// edited branches survive. Without it each message answers the one before it, except that
// consecutive messages from the same sender are retries (or edits) of one another: siblings.
// Tool calls keep their results and artifacts become readable text (claude-tools.ts); a reply
// with nothing at all to show is not an empty bubble: its answers attach to its parent.
import { AttachmentProblem, checkAttachment } from '../../attachments/check.ts';
import type { ConversationSnapshot, SnapshotAttachment } from '../snapshot.ts';
import { readBlocks } from './claude-tools.ts';
import { storedCall, type ForeignCall } from './foreign-tools.ts';
import { ImportError, arr, isoTime, obj, oneOf, optStr, str, type Json } from './read.ts';
import { foreignToSnapshot, type ForeignMessage } from './tree.ts';

// Claude marks "no parent" with an all-zero UUID rather than null.
const ROOT_PARENT = '00000000-0000-4000-8000-000000000000';

function messageText(m: { [k: string]: Json }, id: string, where: string): { text: string; reasoning: string; calls: ForeignCall[] } {
  if (m.content !== undefined && m.content !== null) {
    const blocks = arr(m.content, `${where}.content`).map((b, i) => obj(b, `${where}.content[${i}]`));
    const read = readBlocks(blocks, id, where);
    if (read.text !== '' || m.text === undefined) return read;
    return { ...read, text: str(m.text, `${where}.text`) };
  }
  if (m.text === undefined) throw new ImportError(where, 'has neither text nor content');
  return { text: str(m.text, `${where}.text`), reasoning: '', calls: [] };
}

/**
 * Files pasted or uploaded as documents are exported with the text Claude.ai extracted from
 * them: that text comes back as a text attachment. Images and PDFs (`files`) are exported by
 * name only, without bytes, so there is nothing to bring back; a file that fails the checks
 * is named in the message instead, so its absence is not silent.
 */
function readAttachments(m: { [k: string]: Json }, where: string): { attachments: SnapshotAttachment[]; notes: string[] } {
  const attachments: SnapshotAttachment[] = [];
  const notes: string[] = [];
  if (!Array.isArray(m.attachments)) return { attachments, notes };
  m.attachments.forEach((raw, i) => {
    const a = obj(raw, `${where}.attachments[${i}]`);
    if (typeof a.extracted_content !== 'string' || a.extracted_content === '') return;
    const name = typeof a.file_name === 'string' && a.file_name.trim() !== '' ? a.file_name : `attachment-${i + 1}.txt`;
    try {
      const { bytes, ...checked } = checkAttachment({ name, data: Buffer.from(a.extracted_content, 'utf8').toString('base64') });
      attachments.push({ ...checked, data: bytes.toString('base64') });
    } catch (error) {
      if (!(error instanceof AttachmentProblem)) throw error;
      notes.push(`[Attachment not imported: ${error.message}]`);
    }
  });
  return { attachments, notes };
}

function convertOne(raw: Json, where: string): ConversationSnapshot {
  const c = obj(raw, where);
  const uuid = str(c.uuid, `${where}.uuid`);
  const createdAt = isoTime(c.created_at, `${where}.created_at`);
  const updatedAt = c.updated_at === undefined ? createdAt : isoTime(c.updated_at, `${where}.updated_at`);
  const list = arr(c.chat_messages, `${where}.chat_messages`);
  const ids = new Set<string>();
  const messages: ForeignMessage[] = [];
  let previous: { id: string; sender: string; parent: string | null } | null = null;
  /** Messages left out (no text): their answers go to the message they answered. */
  const skipped = new Map<string, string | null>();
  const indexOf = new Map<string, number>();
  list.forEach((rawMsg, i) => {
    const at = `${where}.chat_messages[${i}]`;
    const m = obj(rawMsg, at);
    const id = str(m.uuid, `${at}.uuid`);
    if (ids.has(id)) throw new ImportError(`${at}.uuid`, `repeats an earlier message id (${JSON.stringify(id)})`);
    ids.add(id);
    const sender = oneOf(m.sender, ['human', 'assistant'] as const, `${at}.sender`);
    const declared = optStr(m.parent_message_uuid, `${at}.parent_message_uuid`);
    const inferred = previous === null ? null : previous.sender === sender ? previous.parent : previous.id;
    const parent = declared === null ? inferred : declared === ROOT_PARENT ? null : declared;
    const { text, reasoning, calls } = messageText(m, id, at);
    const { attachments, notes } = readAttachments(m, at);
    previous = { id, sender, parent };
    indexOf.set(id, i);
    if (sender === 'assistant' && text.trim() === '' && reasoning.trim() === '' && notes.length === 0 && calls.length === 0) {
      skipped.set(id, parent);
      return;
    }
    messages.push({
      sourceId: id,
      parentSourceId: parent,
      role: sender === 'human' ? 'user' : 'assistant',
      text: [text, ...notes].filter(Boolean).join('\n\n'),
      reasoning,
      model: null,
      createdAt: m.created_at === undefined ? createdAt : isoTime(m.created_at, `${at}.created_at`),
      ...(attachments.length && sender === 'human' ? { attachments } : {}),
      ...(calls.length && sender === 'assistant' ? { toolCalls: calls.map((c) => storedCall(c, 'Claude.ai')) } : {}),
    });
  });
  const lastShown = (id: string | null): string | null => {
    let at = id;
    for (let guard = 0; at !== null && skipped.has(at) && guard <= skipped.size; guard++) at = skipped.get(at) ?? null;
    return at;
  };
  for (const m of messages) m.parentSourceId = lastShown(m.parentSourceId);
  // Parents may be declared later in the list, so check once everything is known.
  messages.forEach((m) => {
    if (m.parentSourceId !== null && !ids.has(m.parentSourceId)) {
      throw new ImportError(`${where}.chat_messages[${indexOf.get(m.sourceId)}].parent_message_uuid`, `points to a missing message (${JSON.stringify(m.parentSourceId)})`);
    }
  });
  const declaredLeaf = optStr(c.current_leaf_message_uuid, `${where}.current_leaf_message_uuid`);
  const leaf = lastShown(declaredLeaf !== null && ids.has(declaredLeaf) ? declaredLeaf : (previous as { id: string } | null)?.id ?? null);
  return foreignToSnapshot(
    {
      sourceKey: `claude:${uuid}`,
      providerId: 'anthropic',
      title: optStr(c.name, `${where}.name`) ?? '',
      createdAt,
      updatedAt,
      messages,
      activeLeafSourceId: leaf,
    },
    `${where}.chat_messages`,
  );
}

export function looksLikeClaude(first: Json | undefined): boolean {
  return !!first && typeof first === 'object' && !Array.isArray(first) && 'chat_messages' in first;
}

export function fromClaude(list: Json[]): ConversationSnapshot[] {
  return list.map((c, i) => convertOne(c, `conversations[${i}]`));
}
