// Full-text search over message text and conversation titles (FTS5, bm25 ranking).
import type { Role } from '../../shared/chat';
import type { SearchHit, Snippet } from '../../shared/conversations';
import type { Db } from './database.ts';

// Private-use characters: FTS5 wraps each match in them and `parseMarked` turns them into
// ranges, so the renderer highlights without ever treating model text as HTML.
const OPEN = '\uE000';
const CLOSE = '\uE001';
// A title match is worth more than the same words somewhere in a long chat.
const TITLE_BOOST = 2;

/**
 * Turns what a person types into an FTS5 query that cannot be a syntax error: every word is
 * quoted (so AND, NEAR, '-', ':' are just words), "quoted phrases" stay phrases, and the last
 * word is a prefix so results appear while typing.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|([^\s"]+)/g;
  for (const m of input.matchAll(re)) {
    const raw = m[1] ?? m[2] ?? '';
    const words = raw.match(/[\p{L}\p{N}_]+/gu);
    if (!words) continue;
    parts.push(m[1] !== undefined ? `"${words.join(' ')}"` : words.map((w) => `"${w}"`).join(' '));
  }
  if (parts.length === 0) return null;
  const endsInWord = /[\p{L}\p{N}_]$/u.test(input);
  const lastQuotedPhrase = /"\s*$/.test(input);
  if (endsInWord && !lastQuotedPhrase) parts[parts.length - 1] = `${parts.at(-1)}*`;
  return parts.join(' ');
}

export function parseMarked(marked: string): Snippet {
  let text = '';
  const highlights: Array<[number, number]> = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === OPEN) start = text.length;
    else if (ch === CLOSE) {
      if (start >= 0 && text.length > start) highlights.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  return { text, highlights };
}

export function search(db: Db, input: string, opts: { limit?: number } = {}): SearchHit[] {
  const query = toFtsQuery(input);
  if (!query) return [];
  const limit = Math.max(1, Math.min(opts.limit ?? 30, 200));

  // Rank first, snippet after: snippets cost a re-tokenisation each, so only the shown rows pay.
  const ranked = db
    .prepare(
      `SELECT f.rowid AS seq, f.rank AS rank, m.id AS message_id, m.role AS role,
              c.id AS conversation_id, c.title AS title, c.updated_at AS updated_at
       FROM (SELECT rowid, rank FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rank) f
       JOIN messages m ON m.seq = f.rowid
       JOIN conversations c ON c.id = m.conversation_id
       WHERE c.deleted_at IS NULL
       ORDER BY f.rank LIMIT ?`,
    )
    .all(query, limit) as Array<{ seq: number; rank: number; message_id: string; role: Role; conversation_id: string; title: string; updated_at: number }>;

  const snippets = new Map<number, string>();
  if (ranked.length > 0) {
    const rows = db
      .prepare(
        `SELECT rowid AS seq, snippet(messages_fts, 0, '${OPEN}', '${CLOSE}', '…', 16) AS s
         FROM messages_fts WHERE messages_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
      )
      .all(query, JSON.stringify(ranked.map((r) => r.seq))) as Array<{ seq: number; s: string }>;
    for (const r of rows) snippets.set(r.seq, r.s);
  }

  const titles = db
    .prepare(
      `SELECT c.id AS conversation_id, c.title AS title, c.updated_at AS updated_at, t.rank AS rank,
              highlight(titles_fts, 0, '${OPEN}', '${CLOSE}') AS h
       FROM titles_fts t JOIN conversations c ON c.seq = t.rowid
       WHERE titles_fts MATCH ? AND c.deleted_at IS NULL
       ORDER BY t.rank LIMIT ?`,
    )
    .all(query, limit) as Array<{ conversation_id: string; title: string; updated_at: number; rank: number; h: string }>;

  const hits: SearchHit[] = [
    ...titles.map((t) => ({
      conversationId: t.conversation_id,
      conversationTitle: t.title,
      messageId: null,
      role: null,
      snippet: parseMarked(t.h),
      rank: t.rank * TITLE_BOOST,
      updatedAt: t.updated_at,
    })),
    ...ranked.map((r) => ({
      conversationId: r.conversation_id,
      conversationTitle: r.title,
      messageId: r.message_id,
      role: r.role,
      snippet: parseMarked(snippets.get(r.seq) ?? ''),
      rank: r.rank,
      updatedAt: r.updated_at,
    })),
  ];
  // bm25 is negative, more negative is better; ties go to the more recent conversation.
  hits.sort((a, b) => a.rank - b.rank || b.updatedAt - a.updatedAt);
  return hits.slice(0, limit);
}
