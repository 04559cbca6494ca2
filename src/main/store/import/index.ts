// Import entry point: detects the format, converts everything first, then writes it all in one
// transaction, so a bad file imports nothing and a repeated file adds nothing.
import type { ImportFormat, ImportResult } from '../../../shared/conversations';
import { transaction } from '../database.ts';
import { writeSnapshot, type ConversationSnapshot } from '../snapshot.ts';
import type { Store } from '../store.ts';
import { fromChatGpt, looksLikeChatGpt } from './chatgpt.ts';
import { fromClaude, looksLikeClaude } from './claude.ts';
import { fromPlume, looksLikePlume } from './plume.ts';
import { ImportError, type Json, type JsonObject } from './read.ts';

export { ImportError } from './read.ts';

export function parseImport(text: string): { format: ImportFormat; conversations: ConversationSnapshot[] } {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch (err) {
    throw new ImportError('', `The file is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (looksLikePlume(doc)) return { format: 'plume', conversations: fromPlume(doc as JsonObject) };
  if (Array.isArray(doc)) {
    if (doc.length === 0) throw new ImportError('', 'The file holds an empty list: there are no conversations to import.');
    if (looksLikeChatGpt(doc[0])) return { format: 'chatgpt', conversations: fromChatGpt(doc) };
    if (looksLikeClaude(doc[0])) return { format: 'claude', conversations: fromClaude(doc) };
  }
  throw new ImportError(
    '',
    'Unrecognised file: expected a Plume JSON export, or conversations.json from a ChatGPT or Claude.ai data export.',
  );
}

export function importFile(store: Store, text: string): ImportResult {
  const { format, conversations } = parseImport(text);
  return transaction(store.db, () => {
    let imported = 0;
    let messages = 0;
    for (const c of conversations) {
      if (writeSnapshot(store.db, c)) {
        imported++;
        messages += c.messages.length;
      }
    }
    return { format, imported, skipped: conversations.length - imported, messages };
  });
}
