// The versioned schema, one step per entry. A step is only ever appended, never edited once
// released: files in the wild are at some earlier version and must replay the same history.
import type { Db } from './database.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

const STATES = "'streaming','complete','stopped','error','interrupted'";

/**
 * An FTS5 index over one column of `table`, kept in step by triggers. Message text also gets
 * 2- and 3-letter prefix indexes: without them a short last word typed in the search box
 * ("py…") merges thousands of terms per query.
 */
function externalContentIndex(fts: string, table: string, column: string, extra = ''): string {
  const remove = `INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.seq, old.${column});`;
  const add = `INSERT INTO ${fts}(rowid, ${column}) VALUES (new.seq, new.${column});`;
  return `
    CREATE VIRTUAL TABLE ${fts} USING fts5(
      ${column}, content='${table}', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'${extra}
    );
    CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN ${add} END;
    CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN ${remove} END;
    CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${column} ON ${table} BEGIN ${remove} ${add} END;`;
}

/** The tool names in a row's tool_calls JSON, space-separated ('' for JSON that is not valid). */
const TOOL_NAMES = (row: string) =>
  `(SELECT coalesce(group_concat(json_extract(value, '$.name'), ' '), '') FROM json_each(CASE WHEN json_valid(${row}.tool_calls) THEN ${row}.tool_calls ELSE '[]' END))`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations and message tree',
    up: (db) =>
      db.exec(`
        -- seq is the integer key the full-text index points at; id is the stable public id.
        CREATE TABLE conversations (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL DEFAULT '',
          title_source TEXT NOT NULL DEFAULT 'auto' CHECK (title_source IN ('auto', 'user')),
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          pinned INTEGER NOT NULL DEFAULT 0,
          provider_id TEXT,
          model TEXT,
          options TEXT NOT NULL DEFAULT '{}',
          active_root_id TEXT,
          deleted_at INTEGER,
          source_key TEXT UNIQUE
        );
        CREATE TABLE messages (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
          -- Deferred so a whole subtree can be removed (or imported) in any order in one transaction.
          parent_id TEXT REFERENCES messages(id) DEFERRABLE INITIALLY DEFERRED,
          active_child_id TEXT,
          role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
          text TEXT NOT NULL DEFAULT '',
          reasoning TEXT NOT NULL DEFAULT '',
          provider_id TEXT,
          model TEXT,
          state TEXT NOT NULL DEFAULT 'complete' CHECK (state IN (${STATES})),
          finish TEXT,
          error TEXT,
          stats TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX messages_by_parent ON messages(conversation_id, parent_id, seq);
        CREATE INDEX messages_parent ON messages(parent_id);
      `),
  },
  {
    version: 2,
    name: 'full-text search',
    up: (db) =>
      db.exec(`
        ${externalContentIndex('messages_fts', 'messages', 'text', ", prefix='2 3'")}
        ${externalContentIndex('titles_fts', 'conversations', 'title')}
        -- Files upgraded from version 1 already hold conversations: index them now.
        INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
        INSERT INTO titles_fts(titles_fts) VALUES ('rebuild');
      `),
  },
  {
    version: 3,
    name: 'sidebar order index',
    up: (db) =>
      db.exec(`
        CREATE INDEX conversations_sidebar
          ON conversations(pinned DESC, updated_at DESC, seq DESC) WHERE deleted_at IS NULL;
      `),
  },
  {
    version: 4,
    name: 'per-conversation system prompt',
    up: (db) => db.exec(`ALTER TABLE conversations ADD COLUMN system_prompt TEXT NOT NULL DEFAULT '';`),
  },
  {
    version: 5,
    name: 'attachments',
    up: (db) =>
      db.exec(`
        -- One row per distinct content: the same screenshot sent ten times is stored once.
        CREATE TABLE attachment_blobs (
          sha256 TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('image', 'text', 'pdf')),
          mime_type TEXT NOT NULL,
          size INTEGER NOT NULL,
          width INTEGER,
          height INTEGER,
          thumbnail TEXT,
          data BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE message_attachments (
          message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          sha256 TEXT NOT NULL REFERENCES attachment_blobs(sha256),
          PRIMARY KEY (message_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX message_attachments_by_blob ON message_attachments(sha256);
        -- Deleting a branch or a conversation cascades here; the last reference takes the bytes.
        CREATE TRIGGER attachment_blobs_release AFTER DELETE ON message_attachments
        WHEN NOT EXISTS (SELECT 1 FROM message_attachments WHERE sha256 = old.sha256)
        BEGIN DELETE FROM attachment_blobs WHERE sha256 = old.sha256; END;
      `),
  },
  {
    version: 6,
    name: 'tool calls',
    // JSON of StoredToolCall[]: calls, arguments, decisions and results of a reply.
    up: (db) => db.exec('ALTER TABLE messages ADD COLUMN tool_calls TEXT'),
  },
  {
    version: 7,
    name: 'search index forgets deleted text',
    // FTS5's secure-delete removes a deleted row's entries from the index segments at once,
    // instead of leaving them there behind a delete marker until the next merge: a deleted
    // message's words do not stay in the file (SQLite >= 3.42).
    up: (db) =>
      db.exec(`
        INSERT INTO messages_fts(messages_fts, rank) VALUES ('secure-delete', 1);
        INSERT INTO titles_fts(titles_fts, rank) VALUES ('secure-delete', 1);
      `),
  },
  {
    version: 8,
    name: 'search by tool name',
    // The names of a reply's tool calls, one row per message that has calls (rowid = message
    // seq), kept from the tool_calls JSON by triggers. Only the names: arguments and results
    // can be megabytes and are not what a person searches for.
    up: (db) =>
      db.exec(`
        CREATE VIRTUAL TABLE tool_names_fts USING fts5(names, tokenize='unicode61 remove_diacritics 2');
        INSERT INTO tool_names_fts(tool_names_fts, rank) VALUES ('secure-delete', 1);
        CREATE TRIGGER tool_names_fts_insert AFTER INSERT ON messages WHEN new.tool_calls IS NOT NULL BEGIN
          INSERT INTO tool_names_fts(rowid, names) VALUES (new.seq, ${TOOL_NAMES('new')});
        END;
        CREATE TRIGGER tool_names_fts_update AFTER UPDATE OF tool_calls ON messages BEGIN
          DELETE FROM tool_names_fts WHERE rowid = old.seq;
          INSERT INTO tool_names_fts(rowid, names) SELECT new.seq, ${TOOL_NAMES('new')} WHERE new.tool_calls IS NOT NULL;
        END;
        CREATE TRIGGER tool_names_fts_delete AFTER DELETE ON messages WHEN old.tool_calls IS NOT NULL BEGIN
          DELETE FROM tool_names_fts WHERE rowid = old.seq;
        END;
        -- Replies from before this version already hold tool calls: index them now.
        INSERT INTO tool_names_fts(rowid, names) SELECT m.seq, ${TOOL_NAMES('m')} FROM messages m WHERE m.tool_calls IS NOT NULL;
      `),
  },
  {
    version: 9,
    name: 'tool notices',
    // JSON of string[]: what Plume told the user about a reply's tools as a whole ("Stopped
    // after 10 tool steps…"), so it still shows after a restart.
    up: (db) => db.exec('ALTER TABLE messages ADD COLUMN tool_notices TEXT'),
  },
  {
    version: 10,
    name: 'erase by index merge',
    // Many deleted conversations are erased with delete markers and a merge of the whole search
    // index, far cheaper than secure delete per message (erase-deleted.ts). This row says a merge
    // is still owed (since when, in Unix seconds), so the deleted words never outlive a quit
    // halfway through it.
    up: (db) => db.exec('CREATE TABLE erase_pending (id INTEGER PRIMARY KEY CHECK (id = 1), since INTEGER NOT NULL)'),
  },
  {
    version: 11,
    name: 'index replies once final',
    // A streaming reply's text is saved every 500 ms; re-indexing it each time cost 30-700 ms
    // with secure delete on (more on a big index), blocking main during a reply. Its words now
    // enter the index only once the row leaves 'streaming' (finished, stopped, failed, or set to
    // 'interrupted' at the next start), and a later write re-indexes only when the text changed.
    // So the index holds a row's text exactly when its state is not 'streaming', and no earlier
    // copy of a half-written reply is ever indexed. The partial index lets the start's recovery
    // find rows still 'streaming' without reading every message.
    up: (db) =>
      db.exec(`
        INSERT INTO messages_fts(messages_fts, rowid, text) SELECT 'delete', seq, text FROM messages WHERE state = 'streaming';
        DROP TRIGGER messages_fts_insert;
        DROP TRIGGER messages_fts_delete;
        DROP TRIGGER messages_fts_update;
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.state != 'streaming' BEGIN
          INSERT INTO messages_fts(rowid, text) VALUES (new.seq, new.text);
        END;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.state != 'streaming' BEGIN
          INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
        END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, state ON messages
        WHEN (old.state = 'streaming') != (new.state = 'streaming') OR (new.state != 'streaming' AND old.text IS NOT new.text) BEGIN
          INSERT INTO messages_fts(messages_fts, rowid, text) SELECT 'delete', old.seq, old.text WHERE old.state != 'streaming';
          INSERT INTO messages_fts(rowid, text) SELECT new.seq, new.text WHERE new.state != 'streaming';
        END;
        CREATE INDEX messages_streaming ON messages(state) WHERE state = 'streaming';
      `),
  },
];
