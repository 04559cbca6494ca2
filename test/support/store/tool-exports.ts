// Exports from ChatGPT and Claude.ai with tool turns, written for these tests in the shapes the
// real exports use: ChatGPT code-interpreter cells (`recipient: "python"`, `execution_output`
// with a drawn chart referenced in `aggregate_result`), a failed cell (`system_error`), browsing
// (`tether_browsing_display`, `tether_quote`); Claude.ai `tool_use` / `tool_result` blocks
// without ids, a tool error, and artifacts created and then updated.

type Node = { id: string; parent: string | null; children: string[]; message: Record<string, unknown> | null };

function chatgptMessage(role: string, content: Record<string, unknown>, extra: Record<string, unknown> = {}, name: string | null = null) {
  return { author: { role, name, metadata: {} }, content, create_time: 1_767_986_000, recipient: 'all', status: 'finished_successfully', metadata: {}, ...extra };
}

/** One ChatGPT conversation: two code cells (one failing), a browse, then a question asked right after a tool ran. */
export function chatgptToolExport(): string {
  const chain: Array<[string, Record<string, unknown> | null]> = [
    ['root', null],
    ['sys', chatgptMessage('system', { content_type: 'text', parts: [''] }, { metadata: { is_visually_hidden_from_conversation: true } })],
    ['u1', chatgptMessage('user', { content_type: 'text', parts: ['Plot the squares of 1 to 5 and sum them'] })],
    ['c1', chatgptMessage('assistant', { content_type: 'code', language: 'unknown', text: 'import matplotlib.pyplot as plt\nxs = [x * x for x in range(1, 6)]\nplt.plot(xs)\nsum(xs)' }, { recipient: 'python', metadata: { model_slug: 'gpt-4o' } })],
    ['o1', chatgptMessage('tool', { content_type: 'execution_output', text: '55' }, { metadata: { aggregate_result: { status: 'success', code: '…', in_kernel_exception: null, messages: [{ message_type: 'image', image_url: 'file-service://file-abc', width: 800, height: 600 }] } } }, 'python')],
    ['c2', chatgptMessage('assistant', { content_type: 'code', language: 'unknown', text: '1 / 0' }, { recipient: 'python' })],
    ['o2', chatgptMessage('tool', { content_type: 'system_error', name: 'ZeroDivisionError', text: 'division by zero' }, {}, 'python')],
    ['a1', chatgptMessage('assistant', { content_type: 'text', parts: ['The squares sum to 55; the chart is above.'] }, { metadata: { model_slug: 'gpt-4o', finish_details: { type: 'stop' } } })],
    ['u2', chatgptMessage('user', { content_type: 'text', parts: ['Who first summed squares like that?'] })],
    ['c3', chatgptMessage('assistant', { content_type: 'code', language: 'unknown', text: 'search("sum of squares formula history")' }, { recipient: 'browser' })],
    ['o3', chatgptMessage('tool', { content_type: 'tether_browsing_display', result: '# 【0†Square pyramidal number†en.wikipedia.org】\nKnown to Archimedes and Fibonacci.', summary: null }, {}, 'browser')],
    ['o4', chatgptMessage('tool', { content_type: 'tether_quote', url: 'https://en.wikipedia.org/wiki/Square_pyramidal_number', domain: 'en.wikipedia.org', title: 'Square pyramidal number', text: 'Fibonacci gave the formula in Liber Abaci.' }, {}, 'browser')],
    ['u3', chatgptMessage('user', { content_type: 'text', parts: ['Go on'] })],
    ['a2', chatgptMessage('assistant', { content_type: 'text', parts: ['Archimedes and Fibonacci both knew it.'] }, { metadata: { model_slug: 'gpt-4o', finish_details: { type: 'stop' } } })],
  ];
  const mapping: Record<string, Node> = {};
  chain.forEach(([id, message], i) => {
    mapping[id] = { id, parent: i === 0 ? null : chain[i - 1]![0], children: i + 1 < chain.length ? [chain[i + 1]![0]] : [], message: message && { id, ...message } };
  });
  return JSON.stringify([{ title: 'Squares with tools', create_time: 1_767_986_000, update_time: 1_767_986_100, mapping, current_node: 'a2', conversation_id: 'chatgpt-tools-1' }]);
}

function claudeMessage(uuid: string, sender: 'human' | 'assistant', content: unknown[]) {
  return { uuid, sender, text: '', created_at: '2026-05-01T09:00:00.000000Z', content, attachments: [], files: [] };
}

/** One Claude.ai conversation: a web search, a failing analysis cell, and an artifact created then changed. */
export function claudeToolExport(): string {
  return JSON.stringify([
    {
      uuid: 'claude-tools-1',
      name: 'Rate limiter with tools',
      created_at: '2026-05-01T09:00:00.000000Z',
      updated_at: '2026-05-01T09:10:00.000000Z',
      chat_messages: [
        claudeMessage('h1', 'human', [{ type: 'text', text: 'Write me a rate limiter' }]),
        claudeMessage('a1', 'assistant', [
          { type: 'text', text: 'Let me check current practice.' },
          { type: 'tool_use', name: 'web_search', input: { query: 'token bucket rate limiter' } },
          { type: 'tool_result', name: 'web_search', is_error: false, content: [{ type: 'knowledge', title: 'Token bucket', url: 'https://example.invalid/bucket', text: 'Tokens refill at a fixed rate.' }, { type: 'text', text: 'Found 1 result.' }] },
          { type: 'tool_use', name: 'repl', input: { code: 'bucket.take(' } },
          { type: 'tool_result', name: 'repl', is_error: true, content: [{ type: 'text', text: 'SyntaxError: Unexpected end of input' }] },
          { type: 'text', text: 'Here is a token bucket:' },
          { type: 'tool_use', name: 'artifacts', input: { id: 'limiter', type: 'application/vnd.ant.code', language: 'python', title: 'limiter.py', command: 'create', content: 'class Bucket:\n    rate = 10  # tokens per second' } },
          { type: 'tool_result', name: 'artifacts', is_error: false, content: [{ type: 'text', text: 'OK' }] },
        ]),
        claudeMessage('h2', 'human', [{ type: 'text', text: 'Make it 20 per second' }]),
        claudeMessage('a2', 'assistant', [
          { type: 'tool_use', name: 'artifacts', input: { id: 'limiter', command: 'update', old_str: 'rate = 10', new_str: 'rate = 20' } },
          { type: 'tool_result', name: 'artifacts', is_error: false, content: [{ type: 'text', text: 'OK' }] },
          { type: 'text', text: 'Done: 20 tokens per second.' },
        ]),
      ],
    },
  ]);
}
