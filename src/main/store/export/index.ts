// Export entry points: one conversation or every live one, as Markdown, JSON or HTML.
// Reads conversation rows only; provider settings and keys live elsewhere and are never read.
import type { ExportFormat, ExportedFile } from '../../../shared/conversations';
import { liveConversationIds, readSnapshot, type ConversationSnapshot } from '../snapshot.ts';
import type { Store } from '../store.ts';
import { conversationsToHtml } from './html.ts';
import { conversationToMarkdown } from './markdown.ts';
import { toPlumeJson } from './plume-json.ts';

function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return s || 'conversation';
}

function render(list: ConversationSnapshot[], format: ExportFormat, baseName: string, title: string, now: number): ExportedFile {
  switch (format) {
    case 'json':
      return { filename: `${baseName}.json`, mimeType: 'application/json', content: toPlumeJson(list, now) };
    case 'markdown':
      return { filename: `${baseName}.md`, mimeType: 'text/markdown', content: list.map((c) => conversationToMarkdown(c, now)).join('\n\n') };
    case 'html':
      return { filename: `${baseName}.html`, mimeType: 'text/html', content: conversationsToHtml(list, now, title) };
    default: {
      const never: never = format;
      throw new Error(`Unknown export format: ${String(never)}`);
    }
  }
}

export function exportConversation(store: Store, conversationId: string, format: ExportFormat, now = Date.now()): ExportedFile {
  const snap = readSnapshot(store.db, conversationId);
  if (!snap) throw new Error(`No conversation with id ${conversationId}`);
  return render([snap], format, slug(snap.title), snap.title || 'Untitled conversation', now);
}

/** Every conversation except those waiting in the Undo bin. */
export function exportAll(store: Store, format: ExportFormat, now = Date.now()): ExportedFile {
  const list = liveConversationIds(store.db).flatMap((id) => readSnapshot(store.db, id) ?? []);
  const day = new Date(now).toISOString().slice(0, 10);
  return render(list, format, `plume-conversations-${day}`, `Plume conversations (${day})`, now);
}
