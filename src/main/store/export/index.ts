// Export entry points: one conversation, several, or every live one, as Markdown, JSON or HTML.
// Reads conversation rows only; provider settings and keys live elsewhere and are never read
// (the caller passes provider display names in). Every format is produced one conversation at a
// time (`exportChunks`), so a big export goes to disk without being built in one string.
import type { ExportFormat, ExportedFile } from '../../../shared/conversations';
import { liveConversationIds, readSnapshot, type ConversationSnapshot } from '../snapshot.ts';
import type { Store } from '../store.ts';
import { htmlChunks, type HtmlOptions } from './html.ts';
import { conversationToMarkdown } from './markdown.ts';
import { plumeJsonChunks } from './plume-json.ts';

export type ExportOptions = HtmlOptions;

export interface ExportStream {
  filename: string;
  mimeType: string;
  chunks: Iterable<string>;
}

const MIME: Record<ExportFormat, string> = { json: 'application/json', markdown: 'text/markdown', html: 'text/html' };
const EXTENSION: Record<ExportFormat, string> = { json: 'json', markdown: 'md', html: 'html' };

function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return s || 'conversation';
}

function* snapshots(store: Store, ids: readonly string[]): Generator<ConversationSnapshot> {
  for (const id of ids) {
    const snap = readSnapshot(store.db, id);
    if (snap) yield snap;
  }
}

function* markdownChunks(list: Iterable<ConversationSnapshot>, now: number, o: ExportOptions): Generator<string> {
  let first = true;
  for (const c of list) {
    yield (first ? '' : '\n\n') + conversationToMarkdown(c, now, o);
    first = false;
  }
}

/**
 * `ids` null means every conversation not in the Undo bin. JSON always keeps the whole tree
 * (it is the lossless format); Markdown and HTML show `o.branches` ('shown' by default).
 */
export function exportChunks(store: Store, ids: readonly string[] | null, format: ExportFormat, now = Date.now(), o: ExportOptions = {}): ExportStream {
  const list = ids ?? liveConversationIds(store.db);
  const day = new Date(now).toISOString().slice(0, 10);
  let base = `plume-conversations-${day}`;
  let title = `Plume conversations (${day})`;
  if (ids?.length === 1) {
    const only = store.conversations.get(ids[0] as string);
    if (!only) throw new Error(`No conversation with id ${ids[0]}`);
    base = slug(only.title);
    title = only.title || 'Untitled conversation';
  }
  const chunks =
    format === 'json' ? plumeJsonChunks(snapshots(store, list), now)
    : format === 'markdown' ? markdownChunks(snapshots(store, list), now, o)
    : htmlChunks(snapshots(store, list), now, title, o);
  return { filename: `${base}.${EXTENSION[format]}`, mimeType: MIME[format], chunks };
}

function collect(s: ExportStream): ExportedFile {
  return { filename: s.filename, mimeType: s.mimeType, content: [...s.chunks].join('') };
}

export function exportConversation(store: Store, conversationId: string, format: ExportFormat, now = Date.now(), o: ExportOptions = {}): ExportedFile {
  return collect(exportChunks(store, [conversationId], format, now, o));
}

/** Several conversations (chosen in the sidebar) in one file, in the order given. */
export function exportSome(store: Store, ids: readonly string[], format: ExportFormat, now = Date.now(), o: ExportOptions = {}): ExportedFile {
  return collect(exportChunks(store, ids, format, now, o));
}

/** Every conversation except those waiting in the Undo bin. */
export function exportAll(store: Store, format: ExportFormat, now = Date.now(), o: ExportOptions = {}): ExportedFile {
  return collect(exportChunks(store, null, format, now, o));
}
