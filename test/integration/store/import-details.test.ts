// Details real exports carry that a plain import loses: a ChatGPT answer the user stopped
// mid-word, Claude.ai replies whose text blocks are only whitespace, and Claude conversations
// without parent ids where consecutive replies are retries of one another.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/main/store/import/index.ts';
import { useTempStore } from '../../support/store/temp-store.ts';

const ctx = useTempStore();

function chatgptNode(id: string, parent: string | null, role: string, text: string, extra: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) {
  return {
    id,
    parent,
    children: [],
    message: { id, author: { role }, create_time: 1_700_000_000, content: { content_type: 'text', parts: [text] }, status: 'finished_successfully', recipient: 'all', metadata: { model_slug: 'gpt-4o', ...meta }, ...extra },
  };
}

describe('ChatGPT: how an answer ended', () => {
  it('an answer the user stopped mid-word is Stopped; one cut at the limit says so; a normal one is complete', () => {
    const mapping = {
      u1: chatgptNode('u1', null, 'user', 'Write a long poem'),
      a1: chatgptNode('a1', 'u1', 'assistant', 'Roses are red, violets are bl', {}, { finish_details: { type: 'interrupted' } }),
      u2: chatgptNode('u2', 'a1', 'user', 'Go on'),
      a2: chatgptNode('a2', 'u2', 'assistant', 'and so the poem went on until the', {}, { finish_details: { type: 'max_tokens' } }),
      u3: chatgptNode('u3', 'a2', 'user', 'Thanks'),
      a3: chatgptNode('a3', 'u3', 'assistant', 'You are welcome.', {}, { finish_details: { type: 'stop' } }),
    };
    const file = [{ id: 'conv-stop', title: 'Poem', create_time: 1_700_000_000, update_time: 1_700_000_100, current_node: 'a3', mapping }];
    importFile(ctx.store, JSON.stringify(file));
    const id = ctx.store.conversations.list().items[0]!.id;
    const replies = ctx.store.messages.activePath(id).filter((m) => m.role === 'assistant');
    expect(replies.map((m) => [m.state, m.finish])).toEqual([['stopped', null], ['complete', 'length'], ['complete', 'stop']]);
  });
});

function claudeMessage(uuid: string, sender: 'human' | 'assistant', content: Array<Record<string, unknown>>, parent?: string) {
  return {
    uuid,
    sender,
    text: content.filter((b) => b.type === 'text').map((b) => b.text).join(''),
    content,
    created_at: '2025-01-01T00:00:00Z',
    ...(parent === undefined ? {} : { parent_message_uuid: parent }),
  };
}

describe('Claude.ai', () => {
  it('a reply whose first text block is only whitespace shows its real text; a reply with only a tool call keeps the call', () => {
    const file = [{
      uuid: 'conv-ws',
      name: 'Tools',
      created_at: '2025-01-01T00:00:00Z',
      chat_messages: [
        claudeMessage('h1', 'human', [{ type: 'text', text: 'Look this up' }]),
        claudeMessage('a1', 'assistant', [{ type: 'text', text: '\n\n' }, { type: 'tool_use', name: 'web_search', input: {} }, { type: 'text', text: 'Here is what I found.' }]),
        claudeMessage('h2', 'human', [{ type: 'text', text: 'And now?' }]),
        claudeMessage('a2', 'assistant', [{ type: 'text', text: '   ' }, { type: 'tool_use', name: 'web_search', input: {} }]),
        claudeMessage('h3', 'human', [{ type: 'text', text: 'Hello?' }]),
        claudeMessage('a3', 'assistant', [{ type: 'text', text: 'Sorry, here I am.' }]),
      ],
    }];
    importFile(ctx.store, JSON.stringify(file));
    const id = ctx.store.conversations.list().items[0]!.id;
    const path = ctx.store.messages.activePath(id);
    expect(path.map((m) => m.text.trim() === '' ? '(empty)' : m.text)).toEqual(['Look this up', 'Here is what I found.', 'And now?', '(empty)', 'Hello?', 'Sorry, here I am.']);
    expect(path.map((m) => m.toolCalls?.map((c) => c.name))).toEqual([undefined, ['web_search'], undefined, ['web_search'], undefined, undefined]);
  });

  it('without parent ids, consecutive replies are retries: siblings under one question, the last one shown', () => {
    const file = [{
      uuid: 'conv-retry',
      name: 'Retries',
      created_at: '2025-01-01T00:00:00Z',
      chat_messages: [
        claudeMessage('h1', 'human', [{ type: 'text', text: 'Name a colour' }]),
        claudeMessage('a1', 'assistant', [{ type: 'text', text: 'Red' }]),
        claudeMessage('a2', 'assistant', [{ type: 'text', text: 'Blue' }]),
        claudeMessage('a3', 'assistant', [{ type: 'text', text: 'Green' }]),
        claudeMessage('h2', 'human', [{ type: 'text', text: 'Another' }]),
        claudeMessage('a4', 'assistant', [{ type: 'text', text: 'Yellow' }]),
      ],
    }];
    importFile(ctx.store, JSON.stringify(file));
    const id = ctx.store.conversations.list().items[0]!.id;
    const path = ctx.store.messages.activePath(id);
    expect(path.map((m) => [m.text, m.siblingIndex, m.siblingCount])).toEqual([
      ['Name a colour', 0, 1],
      ['Green', 2, 3],
      ['Another', 0, 1],
      ['Yellow', 0, 1],
    ]);
  });
});
