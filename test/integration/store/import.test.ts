// Imports: ChatGPT and Claude.ai exports and Plume's own JSON, broken files, repeats.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportConversation } from '../../../src/main/store/export/index.ts';
import { ImportError, importFile } from '../../../src/main/store/import/index.ts';
import type { Store } from '../../../src/main/store/store.ts';
import { useTempStore } from '../../support/store/temp-store.ts';

const fixture = (name: string) => readFileSync(new URL(`../../support/store/fixtures/${name}`, import.meta.url), 'utf8');
const CHATGPT = fixture('chatgpt-conversations.json');
const CLAUDE = fixture('claude-conversations.json');

const ctx = useTempStore();
let store: Store;
beforeEach(() => {
  store = ctx.store;
});

const byTitle = (title: string) => store.conversations.list({ limit: 500 }).items.find((c) => c.title === title)!;
const view = (id: string) => store.messages.activePath(id).map((m) => `${m.role}: ${m.text} ${m.siblingIndex + 1}/${m.siblingCount}`);
const countAll = () => (store.db.prepare('SELECT (SELECT count(*) FROM conversations) c, (SELECT count(*) FROM messages) m').get() as { c: number; m: number });

function importError(text: string): ImportError {
  try {
    importFile(store, text);
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('import unexpectedly succeeded');
}

describe('ChatGPT import', () => {
  it('keeps the branches and the branch that was on screen, drops hidden nodes; a branch ending in a code cell keeps it as a reply', () => {
    expect(importFile(store, CHATGPT)).toEqual({ format: 'chatgpt', imported: 2, skipped: 0, messages: 8 });
    const c = byTitle('Reversing things in Python');
    expect(view(c.id)).toEqual([
      'user: How do I reverse a list? 1/1',
      'assistant: Use slicing: `xs[::-1]`. 2/2',
      'user: And a string? 1/1',
      'assistant: The same slicing works:\n\n```python\ns[::-1]\n``` 1/1',
    ]);
    const last = store.messages.activePath(c.id).at(-1)!;
    expect(last).toMatchObject({ reasoning: 'Strings are sequences too.', model: 'o3', providerId: 'openai', createdAt: 1700000025000 });
    expect(c.createdAt).toBe(1700000000250);
    expect(store.messages.all(c.id).map((m) => m.text)).not.toContain('print(1)');
    expect(store.messages.all(c.id).flatMap((m) => m.toolCalls ?? []).map((t) => [t.name, t.argsText])).toEqual([['python', '{"code":"print(1)"}']]);
    expect(view(byTitle('Photo question').id)).toEqual(['user: [image]\nWhat bird is this? 1/1', 'assistant: It looks like a robin. 1/1']);
    expect(store.search('robin')).toHaveLength(1);
  });

  it('importing the same file again adds nothing', () => {
    importFile(store, CHATGPT);
    const before = countAll();
    expect(importFile(store, CHATGPT)).toMatchObject({ imported: 0, skipped: 2 });
    expect(countAll()).toEqual(before);
  });

  it('rejects a node whose parent is missing, naming it, and imports nothing', () => {
    const doc = JSON.parse(CHATGPT);
    delete doc[0].mapping.u1;
    const err = importError(JSON.stringify(doc));
    expect(err.message).toMatch(/^conversations\[0\]\.mapping\.a1b?\.parent points to a missing node \("u1"\)$/);
    expect(countAll()).toEqual({ c: 0, m: 0 });
  });

  it('rejects a broken second conversation without importing the good first one', () => {
    const doc = JSON.parse(CHATGPT);
    doc[1].mapping.x2.message.author = {};
    expect(importError(JSON.stringify(doc)).message).toBe('conversations[1].mapping.x2.message.author.role is missing');
    doc[1].mapping.x2.message.author = { role: 'assistant' };
    doc[1].current_node = 'nope';
    expect(importError(JSON.stringify(doc)).message).toBe('conversations[1].current_node points to a missing node ("nope")');
    doc[1].current_node = 'x2';
    doc[1].mapping.x1.parent = 'x2';
    doc[1].mapping.r.parent = 'x1';
    expect(importError(JSON.stringify(doc)).message).toMatch(/^conversations\[1\]\.mapping has a cycle of parent links/);
    expect(countAll()).toEqual({ c: 0, m: 0 });
  });
});

describe('Claude.ai import', () => {
  it('reads text and content blocks, thinking as reasoning, and edited branches', () => {
    expect(importFile(store, CLAUDE)).toEqual({ format: 'claude', imported: 2, skipped: 0, messages: 8 });
    const haiku = byTitle('Haiku help');
    expect(view(haiku.id)).toEqual([
      'user: Write a haiku about rain 1/1',
      'assistant: Soft rain on the roof\nthe kettle begins to sing\nthe day can wait now 1/1',
      'user: Another, about snow 1/1',
      'assistant: Snow fills the footprints\nof everyone who left first\nthe path forgets us 1/1',
    ]);
    expect(store.messages.activePath(haiku.id)[1]).toMatchObject({ reasoning: 'Five, seven, five syllables.', providerId: 'anthropic' });
    expect(haiku.createdAt).toBe(Date.parse('2024-05-01T09:00:00Z'));
    // current_leaf_message_uuid picks the first branch, the edit stays one click away.
    const edited = byTitle('Edited question');
    expect(view(edited.id)).toEqual(['user: What is 2+2? 1/2', 'assistant: 4 1/1']);
    store.messages.switchSibling(store.messages.activePath(edited.id)[0]!.id, 1);
    expect(view(edited.id)).toEqual(['user: What is 2+3? 2/2', 'assistant: 5 1/1']);
    expect(importFile(store, CLAUDE)).toMatchObject({ imported: 0, skipped: 2 });
  });

  it('rejects an unknown sender and a bad date with the place named', () => {
    const doc = JSON.parse(CLAUDE);
    doc[1].chat_messages[2].sender = 'robot';
    expect(importError(JSON.stringify(doc)).message).toBe('conversations[1].chat_messages[2].sender is "robot"; expected one of "human", "assistant"');
    doc[1].chat_messages[2].sender = 'human';
    doc[0].created_at = 'yesterday-ish';
    expect(importError(JSON.stringify(doc)).message).toBe('conversations[0].created_at is not a date: "yesterday-ish"');
    doc[0].created_at = '2024-05-01T09:00:00Z';
    doc[1].chat_messages[3].parent_message_uuid = 'ghost';
    expect(importError(JSON.stringify(doc)).message).toBe('conversations[1].chat_messages[3].parent_message_uuid points to a missing message ("ghost")');
    expect(countAll()).toEqual({ c: 0, m: 0 });
  });
});

describe('unrecognised input', () => {
  it('explains what is wrong and imports nothing', () => {
    expect(importError('{"conversations": [').message).toMatch(/^The file is not valid JSON/);
    expect(importError('[]').message).toMatch(/no conversations to import/);
    expect(importError('[{"hello": 1}]').message).toMatch(/^Unrecognised file: expected a Plume JSON export, or conversations.json/);
    expect(importError('{"format":"plume.conversations","version":7,"conversations":[]}').message).toMatch(
      /^version is 7: this is a Plume export with a schema this build does not know \(it reads versions 1 and 2\)/,
    );
    expect(countAll()).toEqual({ c: 0, m: 0 });
  });
});

describe('Plume import: every field has its type', () => {
  /** A valid one-conversation Plume export, made by exporting a real reply. */
  function exported(): { format: string; version: number; conversations: Array<{ messages: Array<Record<string, any>>; options?: unknown }> } {
    const c = store.conversations.create({ title: 'Typed' });
    store.messages.appendUser(c.id, 'Hi');
    const reply = store.messages.beginAssistant(c.id, { providerId: 'p', model: 'm' });
    reply.finish({ state: 'error', error: { kind: 'server', message: 'Overloaded' }, stats: { usage: { outputTokens: 3 }, estimated: false, tokensPerSec: 12 } }, 'Partial', '');
    const doc = JSON.parse(exportConversation(store, c.id, 'json').content);
    store.conversations.softDelete(c.id);
    store.conversations.purgeDeleted(Date.now() + 1);
    return doc;
  }

  it.each([
    ['stats.tokensPerSec as text', (m: Record<string, any>) => (m.stats.tokensPerSec = 'fast'), /messages\[1\]\.stats\.tokensPerSec should be a number but is a string/],
    ['an object as error.message', (m: Record<string, any>) => (m.error.message = { text: 'x' }), /messages\[1\]\.error\.message should be a string but is an object/],
    ['usage counts as text', (m: Record<string, any>) => (m.stats.usage.outputTokens = '3'), /stats\.usage\.outputTokens should be a number/],
    ['stats.estimated as text', (m: Record<string, any>) => (m.stats.estimated = 'yes'), /stats\.estimated should be true or false/],
    ['error as a string', (m: Record<string, any>) => (m.error = 'boom'), /messages\[1\]\.error should be an object but is a string/],
  ])('refuses %s, naming the field, and stores nothing', (_name, spoil, problem) => {
    const doc = exported();
    spoil(doc.conversations[0]!.messages[1]!);
    const before = countAll();
    expect(importError(JSON.stringify(doc)).message).toMatch(problem);
    expect(countAll()).toEqual(before);
  });

  it('repairs what a newer Plume may write and drops what it does not know', () => {
    const doc = exported();
    const reply = doc.conversations[0]!.messages[1]!;
    reply.error.kind = 'quantum_flux';
    reply.error.extra = { nested: true };
    reply.finish = 'galaxy_brain';
    reply.stats.future = [1, 2];
    doc.conversations[0]!.options = { temperature: 0.5, sparkle: { a: 1 } };
    importFile(store, JSON.stringify(doc));
    const c = byTitle('Typed');
    const stored = store.messages.activePath(c.id).at(-1)!;
    expect(stored.error).toEqual({ kind: 'unknown', message: 'Overloaded' });
    expect(stored.finish).toBe('other');
    expect(stored.stats).toEqual({ usage: { outputTokens: 3 }, estimated: false, tokensPerSec: 12 });
    expect(store.conversations.require(c.id).options).toEqual({ temperature: 0.5 });
  });
});
