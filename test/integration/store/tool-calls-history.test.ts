// Tool calls in the message tree: a file from before tool calls (schema 5) upgrades with its
// messages intact, and a reply's calls, decisions and results survive closing and reopening.
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import type { StoredToolCall } from '../../../src/shared/tool-calls';
import { MIGRATIONS } from '../../../src/main/store/schema.ts';
import { openStore } from '../../../src/main/store/store.ts';
import { tempDir, type TempDir } from '../../support/store/temp-store.ts';

let dir: TempDir;
afterEach(() => dir.cleanup());

const CALLS: StoredToolCall[] = [
  { callId: 'call_1', name: 'echo', argsText: '{"message":"hi"}', at: 5, complete: true, server: 'Everything', phase: 'done', result: { isError: false, parts: [{ type: 'text', text: 'Echo: hi' }] } },
  { callId: 'call_2', name: 'get-sum', argsText: '{"a":1,"b":2}', at: 5, complete: true, server: 'Everything', phase: 'running' },
];

describe('tool calls in history', () => {
  it('upgrades a schema-5 file: old messages keep their text and have no tool calls', () => {
    dir = tempDir();
    const v5 = MIGRATIONS.findIndex((m) => m.version === 5) + 1;
    openStore(dir.dbPath, { migrations: MIGRATIONS.slice(0, v5) }).close();
    const db = new DatabaseSync(dir.dbPath);
    db.prepare("INSERT INTO conversations (id, title, title_source, created_at, updated_at, active_root_id) VALUES ('c1', 'Old', 'user', 1, 1, 'm1')").run();
    db.prepare("INSERT INTO messages (id, conversation_id, role, text, created_at, updated_at) VALUES ('m1', 'c1', 'user', 'Before tools', 1, 1)").run();
    db.close();

    const store = openStore(dir.dbPath);
    expect(store.opened).toMatchObject({ fromVersion: 5, toVersion: MIGRATIONS.at(-1)?.version });
    const [message] = store.messages.activePath('c1');
    expect(message).toMatchObject({ text: 'Before tools' });
    expect(message?.toolCalls).toBeUndefined();
    store.close();
  });

  it('keeps a reply’s calls, arguments, decisions and results across reopening', () => {
    dir = tempDir();
    let store = openStore(dir.dbPath);
    const conversation = store.conversations.create({ providerId: 'p', model: 'm' });
    store.messages.appendUser(conversation.id, 'Use the tools');
    const reply = store.messages.beginAssistant(conversation.id, { providerId: 'p', model: 'm' });
    store.messages.setToolCalls(reply.messageId, CALLS);
    store.close();

    store = openStore(dir.dbPath);
    const path = store.messages.activePath(conversation.id);
    expect(path.at(-1)?.toolCalls).toEqual(CALLS);
    store.close();
  });
});

describe('tool calls in exports', () => {
  it('Plume JSON carries them losslessly; Markdown and HTML show them readably, as text', async () => {
    const { exportConversation } = await import('../../../src/main/store/export/index.ts');
    const { importFile } = await import('../../../src/main/store/import/index.ts');
    dir = tempDir();
    const store = openStore(dir.dbPath);
    const conversation = store.conversations.create({ providerId: 'p', model: 'm' });
    store.messages.appendUser(conversation.id, 'Use the tools');
    const reply = store.messages.beginAssistant(conversation.id, { providerId: 'p', model: 'm' });
    const hostile: StoredToolCall = { ...CALLS[0]!, callId: 'call_x', result: { isError: false, parts: [{ type: 'text', text: '<script>alert(1)</script> ``` done' }] } };
    store.messages.setToolCalls(reply.messageId, [...CALLS, hostile]);

    const markdown = exportConversation(store, conversation.id, 'markdown').content;
    expect(markdown).toContain('**Tool call: `echo`** (Everything)');
    expect(markdown).toContain('"message": "hi"');
    expect(markdown).toContain('Interrupted: Plume stopped before this call finished');
    expect(markdown).toContain('````\n<script>alert(1)</script> ``` done\n````');
    const html = exportConversation(store, conversation.id, 'html').content;
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>alert(1)');

    const json = exportConversation(store, conversation.id, 'json').content;
    const other = openStore(`${dir.dbPath}-2`);
    importFile(other, json);
    const [imported] = other.conversations.list().items;
    expect(other.messages.activePath(imported!.id).at(-1)?.toolCalls).toEqual([...CALLS, hostile]);
    other.close();
    store.close();
  });
});
