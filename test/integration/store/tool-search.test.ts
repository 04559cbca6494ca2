// Search finds replies by the names of the tools they called: calls stored before this index
// existed are found after the upgrade, a call's name is found as soon as it is stored, and a
// deleted conversation's calls are gone from the index.
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import type { StoredToolCall } from '../../../src/shared/tool-calls';
import { MIGRATIONS } from '../../../src/main/store/schema.ts';
import { openStore } from '../../../src/main/store/store.ts';
import { exchange, tempDir, type TempDir } from '../../support/store/temp-store.ts';

let dir: TempDir;
afterEach(() => dir.cleanup());

const call = (name: string, callId = `call_${name}`): StoredToolCall => ({ callId, name, argsText: '{"city":"Oslo"}', at: 0, complete: true, phase: 'done', result: { isError: false, parts: [{ type: 'text', text: 'sunny' }] } });

describe('search by tool name', () => {
  it('finds calls stored before the upgrade, and the messages keep their text and calls', () => {
    dir = tempDir();
    const before = MIGRATIONS.findIndex((m) => m.name === 'search by tool name');
    openStore(dir.dbPath, { migrations: MIGRATIONS.slice(0, before) }).close();
    const db = new DatabaseSync(dir.dbPath);
    db.prepare("INSERT INTO conversations (id, title, title_source, created_at, updated_at, active_root_id) VALUES ('c1', 'Old trip', 'user', 1, 1, 'm1')").run();
    db.prepare("INSERT INTO messages (id, conversation_id, role, text, created_at, updated_at) VALUES ('m1', 'c1', 'user', 'Weather?', 1, 1)").run();
    db.prepare("INSERT INTO messages (id, conversation_id, parent_id, role, text, created_at, updated_at, tool_calls) VALUES ('m2', 'c1', 'm1', 'assistant', 'It is sunny.', 1, 1, ?)").run(JSON.stringify([call('get_forecast')]));
    // A damaged row must not stop the upgrade.
    db.prepare("INSERT INTO messages (id, conversation_id, parent_id, role, text, created_at, updated_at, tool_calls) VALUES ('m3', 'c1', 'm2', 'user', 'x', 1, 1, 'not json')").run();
    db.close();

    const store = openStore(dir.dbPath);
    expect(store.opened).toMatchObject({ toVersion: MIGRATIONS.at(-1)?.version });
    const hits = store.search('get_forecast');
    expect(hits.map((h) => [h.messageId, h.role, h.snippet.text])).toEqual([['m2', 'assistant', 'Tool calls: get_forecast']]);
    expect(store.messages.get('m2')).toMatchObject({ text: 'It is sunny.', toolCalls: [{ name: 'get_forecast' }] });
    store.close();
  });

  it('finds a reply by a tool name as soon as the call is stored (prefix while typing); renamed or deleted calls are not found', () => {
    dir = tempDir();
    const store = openStore(dir.dbPath);
    const conversation = store.conversations.create({ title: 'Trip' });
    const { replyId } = exchange(store, conversation.id, 'Plan my trip', 'Here is the plan.');
    store.messages.setToolCalls(replyId, [call('get_weather'), call('book_train'), call('get_weather', 'call_2')]);

    expect(store.search('book_train').map((h) => h.messageId)).toEqual([replyId]);
    const typing = store.search('get_wea');
    expect(typing.map((h) => h.messageId)).toEqual([replyId]);
    expect(typing[0]?.snippet).toEqual({ text: 'Tool calls: get_weather, book_train', highlights: [[12, 15], [16, 23]] });

    store.messages.setToolCalls(replyId, [call('search_flights')]);
    expect(store.search('book_train')).toEqual([]);
    expect(store.search('flights').map((h) => h.messageId)).toEqual([replyId]);

    // Text and tool name both match: one hit for the reply.
    const other = exchange(store, conversation.id, 'Any flights?', 'Two flights found.');
    store.messages.setToolCalls(other.replyId, [call('search_flights')]);
    expect(store.search('flights').filter((h) => h.messageId === other.replyId)).toHaveLength(1);

    store.conversations.softDelete(conversation.id);
    expect(store.search('flights')).toEqual([]);
    store.conversations.purgeDeleted(Date.now() + 1);
    const left = store.db.prepare('SELECT count(*) AS n FROM tool_names_fts').get() as { n: number };
    expect(left.n).toBe(0);
    store.close();
  });
});
