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

export function toPlumeJson(conversations: ConversationSnapshot[], exportedAt: number): string {
  const doc: PlumeExport = {
    format: PLUME_FORMAT,
    version: conversations.some((c) => c.messages.some((m) => m.attachments?.length)) ? PLUME_ATTACHMENTS_VERSION : PLUME_SCHEMA_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    // sourceKey says where this install got a conversation from; it means nothing elsewhere.
    conversations: conversations.map(({ sourceKey: _, ...c }) => c),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
