// Full-text search over message text and conversation titles (FTS5, bm25 ranking).
import type { Role } from '../../shared/chat';
import type { SearchHit } from '../../shared/conversations';
import type { Db } from './database.ts';
import { parseQuery, type Term } from '../../shared/search-terms.ts';
import { markdownToPlain } from './plain-text.ts';
import { makeSnippet } from './snippet.ts';

// A title match is worth more than the same words somewhere in a long chat.
const TITLE_BOOST = 2;
/**
 * bm25 ranks only the newest this-many matching messages. A very common word matches
 * hundreds of thousands of messages and scoring all of them would blow the 30 ms budget;
 * FTS5 walks matches newest-first and stops here, so the cost is bounded.
 */
const RANK_WINDOW = 2_000;

export interface FtsQuery {
  match: string;
  terms: Term[];
}

/**
 * Turns what a person types into an FTS5 query that cannot be a syntax error: every word is
 * quoted (so AND, NEAR, '-', ':' are just words), "quoted phrases" stay phrases, and the last
 * word, if at least two letters, is a prefix so results appear while typing.
 */
export function toFtsQuery(input: string): FtsQuery | null {
  const { groups, terms } = parseQuery(input);
  const last = terms.at(-1);
  if (!last) return null;
  const parts = groups.map((g) => (g.phrase ? `"${g.words.join(' ')}"` : g.words.map((w) => `"${w}"`).join(' ')));
  if (last.prefix) parts[parts.length - 1] = `${parts.at(-1)}*`;
  return { match: parts.join(' '), terms };
}

export function search(db: Db, input: string, opts: { limit?: number } = {}): SearchHit[] {
  const q = toFtsQuery(input);
  if (!q) return [];
  const limit = Math.max(1, Math.min(opts.limit ?? 30, 200));

  // CROSS JOIN keeps SQLite from scanning messages first; the window subquery runs once.
  const ranked = db
    .prepare(
      `SELECT w.seq AS seq, w.rank AS rank, c.id AS conversation_id, c.title AS title, c.updated_at AS updated_at, m.created_at AS created_at
       FROM (SELECT rowid AS seq, rank FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) w
       CROSS JOIN messages m ON m.seq = w.seq
       CROSS JOIN conversations c ON c.id = m.conversation_id
       WHERE c.deleted_at IS NULL
       ORDER BY w.rank LIMIT ?`,
    )
    .all(q.match, limit) as Array<{ seq: number; rank: number; conversation_id: string; title: string; updated_at: number; created_at: number }>;

  // Text only for the rows shown, not for the whole window.
  const bodies = new Map<number, { id: string; role: Role; text: string }>();
  if (ranked.length > 0) {
    const rows = db
      .prepare('SELECT seq, id, role, text FROM messages WHERE seq IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ranked.map((r) => r.seq))) as Array<{ seq: number; id: string; role: Role; text: string }>;
    for (const r of rows) bodies.set(r.seq, r);
  }

  const titles = db
    .prepare(
      `SELECT c.id AS conversation_id, c.title AS title, c.updated_at AS updated_at, t.rank AS rank
       FROM titles_fts t CROSS JOIN conversations c ON c.seq = t.rowid
       WHERE titles_fts MATCH ? AND c.deleted_at IS NULL
       ORDER BY t.rank LIMIT ?`,
    )
    .all(q.match, limit) as Array<{ conversation_id: string; title: string; updated_at: number; rank: number }>;

  // A conversation whose title and messages both match is listed by its messages only (the title
  // words are marked in each row's title); its best message row takes the title's rank.
  const titleRank = new Map(titles.map((t) => [t.conversation_id, t.rank * TITLE_BOOST]));
  const bestRowOf = new Set<string>();
  const messageHits: SearchHit[] = ranked.map((r) => {
    const body = bodies.get(r.seq);
    const title = titleRank.get(r.conversation_id);
    const first = !bestRowOf.has(r.conversation_id);
    bestRowOf.add(r.conversation_id);
    return {
      conversationId: r.conversation_id,
      conversationTitle: r.title,
      titleHighlights: makeSnippet(r.title, q.terms).highlights,
      messageId: body?.id ?? null,
      role: body?.role ?? null,
      // Snippets look no further than this into a message; a megabyte reply costs no more.
      snippet: makeSnippet(markdownToPlain((body?.text ?? '').slice(0, 200_001)), q.terms),
      rank: first && title !== undefined ? Math.min(r.rank, title) : r.rank,
      updatedAt: r.updated_at,
      at: r.created_at,
    };
  });
  const messageIds = new Set(messageHits.map((h) => h.messageId));
  const hits: SearchHit[] = [
    ...toolHits(db, q, limit).filter((t) => !messageIds.has(t.messageId)),
    ...titles
      .filter((t) => !bestRowOf.has(t.conversation_id))
      .map((t) => {
        const snippet = makeSnippet(t.title, q.terms);
        return {
          conversationId: t.conversation_id,
          conversationTitle: t.title,
          titleHighlights: snippet.highlights,
          messageId: null,
          role: null,
          snippet,
          rank: t.rank * TITLE_BOOST,
          updatedAt: t.updated_at,
          at: t.updated_at,
        };
      }),
    ...messageHits,
  ];
  // bm25 is negative, more negative is better; ties go to the more recent conversation.
  hits.sort((a, b) => a.rank - b.rank || b.updatedAt - a.updatedAt);
  // A reply found by its text and by a tool name is one hit, the better one.
  const seen = new Set<string>();
  return hits.filter((h) => h.messageId === null || (!seen.has(h.messageId) && !!seen.add(h.messageId))).slice(0, limit);
}

/** Replies whose tool calls have a matching name; the snippet names the calls. */
function toolHits(db: Db, q: FtsQuery, limit: number): SearchHit[] {
  const rows = db
    .prepare(
      `SELECT t.names AS names, t.rank AS rank, m.id AS id, m.role AS role, m.created_at AS created_at, c.id AS conversation_id, c.title AS title, c.updated_at AS updated_at
       FROM (SELECT rowid AS seq, names, rank FROM tool_names_fts WHERE tool_names_fts MATCH ? ORDER BY rank LIMIT ?) t
       CROSS JOIN messages m ON m.seq = t.seq
       CROSS JOIN conversations c ON c.id = m.conversation_id
       WHERE c.deleted_at IS NULL`,
    )
    .all(q.match, limit) as Array<{ names: string; rank: number; id: string; role: Role; created_at: number; conversation_id: string; title: string; updated_at: number }>;
  return rows.map((r) => ({
    conversationId: r.conversation_id,
    conversationTitle: r.title,
    messageId: r.id,
    role: r.role,
    titleHighlights: makeSnippet(r.title, q.terms).highlights,
    snippet: makeSnippet(`Tool calls: ${[...new Set(r.names.split(' '))].join(', ')}`, q.terms),
    rank: r.rank,
    updatedAt: r.updated_at,
    at: r.created_at,
  }));
}
