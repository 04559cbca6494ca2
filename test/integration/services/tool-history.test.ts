// A follow-up message carries the earlier reply's tool calls and results back to the model, in
// each provider's own wire format: real services, a real MCP server (Streamable HTTP, written
// with the SDK) and the official SDKs against fake provider servers that record what they got.
import { describe, expect, it } from 'vitest';
import { anthropic, anthropicToolReply, openai, openaiToolReply, streamReply, type Reply, type ScriptedCall } from '../../support/fake-providers';
import type { TestService } from '../attachments/service';
import { useToolService } from './tool-service';

const ADD: ScriptedCall = { id: 'call_add', name: 'add', args: '{"a": 2, "b": 3}' };
const ADD_USE = { type: 'tool_use', id: 'call_add', name: 'add', input: { a: 2, b: 3 } };
const ADD_RESULT = { type: 'tool_result', tool_use_id: 'call_add', is_error: false, content: [{ type: 'text', text: '5' }] };
/** A tool no server offers: Plume answers it with a tool error instead of running anything. */
const MISSING: ScriptedCall = { id: 'call_missing', name: 'multiply', args: '{"a": 2}' };

const setUp = useToolService();

/** Asks, lets the scripted replies answer, asks again; returns how the first reply ended and every request's messages. */
async function twoQuestions(kind: 'openai' | 'anthropic', replies: Reply[], second: string, between?: (app: TestService, serverId: string) => Promise<unknown>) {
  const { app, fake, conversationId, serverId } = await setUp(kind);
  fake.nextReply(...replies);
  const first = await app.reply(conversationId, { kind: 'send', text: 'Add 2 and 3', attachments: [] });
  await between?.(app, serverId);
  await app.reply(conversationId, { kind: 'send', text: second, attachments: [] });
  const bodies = fake.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { messages: unknown[] }).messages);
  expect(bodies).toHaveLength(3);
  return { firstState: first.ended?.outcome.state, bodies };
}

describe('tool turns from earlier replies go back to the model', () => {
  it('OpenAI: the assistant tool_calls and a role "tool" message per call, the missing tool as an error', async () => {
    const { firstState, bodies } = await twoQuestions(
      'openai',
      [streamReply(openaiToolReply([ADD, MISSING], { text: 'Adding.' })), openai.textStream('The sum is 5.'), openai.textStream('You are welcome.')],
      'Thanks',
    );
    expect(firstState).toBe('complete');
    expect(bodies[2]).toEqual([
      { role: 'user', content: 'Add 2 and 3' },
      {
        role: 'assistant',
        content: 'Adding.',
        tool_calls: [
          { id: 'call_add', type: 'function', function: { name: 'add', arguments: ADD.args } },
          { id: 'call_missing', type: 'function', function: { name: 'multiply', arguments: MISSING.args } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_add', content: '5' },
      { role: 'tool', tool_call_id: 'call_missing', content: 'Error: There is no tool called “multiply”.' },
      { role: 'assistant', content: 'The sum is 5.' },
      { role: 'user', content: 'Thanks' },
    ]);
    // The live step sent the same turn the history now rebuilds.
    expect(bodies[1]?.slice(1)).toEqual(bodies[2]?.slice(1, 4));
  });

  it('Anthropic: tool_use blocks, then tool_result blocks (is_error for the missing tool)', async () => {
    const { bodies } = await twoQuestions(
      'anthropic',
      [streamReply(anthropicToolReply([ADD, MISSING], { text: 'Adding.' })), anthropic.textStream('The sum is 5.'), anthropic.textStream('You are welcome.')],
      'Thanks',
    );
    expect(bodies[2]).toEqual([
      { role: 'user', content: 'Add 2 and 3' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Adding.' },
          ADD_USE,
          { type: 'tool_use', id: 'call_missing', name: 'multiply', input: { a: 2 } },
        ],
      },
      {
        role: 'user',
        content: [
          ADD_RESULT,
          { type: 'tool_result', tool_use_id: 'call_missing', is_error: true, content: [{ type: 'text', text: 'There is no tool called “multiply”.' }] },
        ],
      },
      { role: 'assistant', content: 'The sum is 5.' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('Anthropic: a reply that failed after its tools ran ends on the results, joined with the next question in one user turn', async () => {
    const { firstState, bodies } = await twoQuestions(
      'anthropic',
      [streamReply(anthropicToolReply([ADD])), anthropic.httpError(500, { message: 'overloaded' }), anthropic.textStream('5.')],
      'What did the tool say?',
    );
    expect(firstState).toBe('error');
    expect(bodies[2]).toEqual([
      { role: 'user', content: 'Add 2 and 3' },
      { role: 'assistant', content: [ADD_USE] },
      {
        role: 'user',
        content: [
          ADD_RESULT,
          { type: 'text', text: 'What did the tool say?' },
        ],
      },
    ]);
  });

  const scripts = {
    openai: [streamReply(openaiToolReply([ADD], { text: 'Adding.' })), openai.textStream('The sum is 5.'), openai.textStream('Yes.')],
    anthropic: [streamReply(anthropicToolReply([ADD], { text: 'Adding.' })), anthropic.textStream('The sum is 5.'), anthropic.textStream('Yes.')],
  };
  it.each(['openai', 'anthropic'] as const)('%s: with no tools offered any more, the calls and results go back as the assistant’s own text', async (kind) => {
    const { bodies } = await twoQuestions(kind, scripts[kind], 'Sure?', (app, id) => app.call('mcp:remove', { id }));
    expect(bodies[2]).toEqual([
      { role: 'user', content: 'Add 2 and 3' },
      { role: 'assistant', content: 'Adding.\n\n[Tool call add {"a": 2, "b": 3} → result:\n5\n(end of tool output)]\n\nThe sum is 5.' },
      { role: 'user', content: 'Sure?' },
    ]);
  });
});
