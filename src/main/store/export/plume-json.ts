// The lossless Plume export: every branch, the remembered choices, versioned so an import
// can refuse what it does not understand instead of guessing.
import type { ConversationSnapshot } from '../snapshot.ts';

export const PLUME_FORMAT = 'plume.conversations';
export const PLUME_SCHEMA_VERSION = 1;
/**
 * Version 2 adds `attachments` (base64 bytes) to user messages. A file without any attachment
 * is still written as version 1, so older builds keep reading it; one with attachments is
 * refused by them rather than imported with the files silently dropped.
 */
export const PLUME_ATTACHMENTS_VERSION = 2;

export interface PlumeExport {
  format: typeof PLUME_FORMAT;
  version: typeof PLUME_SCHEMA_VERSION | typeof PLUME_ATTACHMENTS_VERSION;
  exportedAt: string;
  conversations: Array<Omit<ConversationSnapshot, 'sourceKey'>>;
}

/**
 * The same document as `JSON.stringify(doc, null, 2)`, one conversation at a time, so every
 * conversation can go to disk without the whole file ever being one string. `version` comes
 * last: whether any message has attachments is known only once every conversation is written
 * (JSON readers, ours included, do not care about key order).
 */
export function* plumeJsonChunks(conversations: Iterable<ConversationSnapshot>, exportedAt: number): Generator<string> {
  yield `{\n  "format": ${JSON.stringify(PLUME_FORMAT)},\n  "exportedAt": ${JSON.stringify(new Date(exportedAt).toISOString())},\n  "conversations": [`;
  let first = true;
  let attachments = false;
  for (const { sourceKey: _, ...c } of conversations) {
    // sourceKey says where this install got a conversation from; it means nothing elsewhere.
    attachments ||= c.messages.some((m) => m.attachments?.length);
    // JSON escapes newlines inside strings, so every raw newline here is layout and can be indented.
    yield `${first ? '' : ','}\n    ${JSON.stringify(c, null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  const version: PlumeExport['version'] = attachments ? PLUME_ATTACHMENTS_VERSION : PLUME_SCHEMA_VERSION;
  yield `${first ? '' : '\n  '}],\n  "version": ${version}\n}\n`;
}
