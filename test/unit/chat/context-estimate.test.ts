// The context meter counts what the next request will carry: an earlier reply's tool calls and
// results go back to the model with it, so a big tool result fills the window like text does.
import { describe, expect, it } from 'vitest';
import { conversationTokens } from '../../../src/renderer/src/chat/context/estimate';
import type { ChatItem } from '../../../src/renderer/src/chat/store/chat-item';

const base = { reasoning: '', siblingIndex: 0, siblingCount: 1 } as const;

describe('context estimate', () => {
  it('counts earlier replies’ tool arguments and results, not only their text', () => {
    const question: ChatItem = { ...base, id: 'u', key: 'u', role: 'user', text: 'List the files', state: 'sent' };
    const plain: ChatItem = { ...base, id: 'a', key: 'a', role: 'assistant', text: 'Here they are.', state: 'complete' };
    const withTools: ChatItem = {
      ...plain,
      toolCalls: [
        {
          callId: 'c1',
          name: 'list_directory',
          at: 0,
          argsText: '{"path":"/tmp"}',
          args: { path: '/tmp' },
          state: 'written',
          run: { phase: 'done', server: 'fs', tool: 'list_directory', result: { isError: false, parts: [{ type: 'text', text: 'x'.repeat(40_000) }] } },
        },
      ],
    };
    const without = conversationTokens([question, plain]);
    const withResult = conversationTokens([question, withTools]);
    // 40,000 characters of result are thousands of tokens, not nothing.
    expect(withResult! - without!).toBeGreaterThan(5_000);
  });

  it('does not count a long conversation by its newest messages while older ones are still read', () => {
    const question: ChatItem = { ...base, id: 'u', key: 'u', role: 'user', text: 'x'.repeat(4_000), state: 'sent' };
    const estimated: ChatItem = { ...base, id: 'a', key: 'a', role: 'assistant', text: 'y'.repeat(4_000), state: 'complete' };
    expect(conversationTokens([question, estimated], true)).toBeNull();
    expect(conversationTokens([question, estimated], false)).toBeGreaterThan(1_000);
    // A reply the provider measured covers everything before it, loaded or not.
    const measured: ChatItem = {
      ...estimated,
      stats: { ttftMs: 1, tokensPerSec: 1, usage: { inputTokens: 90_000, outputTokens: 1_000 }, estimated: false },
    } as ChatItem;
    expect(conversationTokens([question, measured], true)).toBe(91_000);
  });
});
