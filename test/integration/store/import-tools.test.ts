// Imports keep tool turns: ChatGPT code-interpreter cells and browsing, Claude.ai tool_use /
// tool_result blocks become stored tool calls (run by the other app, never by Plume), and
// Claude artifacts become readable text in the reply that made them.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/main/store/import/index.ts';
import { chatgptToolExport, claudeToolExport } from '../../support/store/tool-exports.ts';
import { useTempStore } from '../../support/store/temp-store.ts';

const ctx = useTempStore();

function importedPath(file: string) {
  importFile(ctx.store, file);
  const id = ctx.store.conversations.list().items[0]!.id;
  return ctx.store.messages.activePath(id);
}

const firstText = (call: { result?: { parts: Array<{ type: string }> } } | undefined) => (call?.result?.parts[0] as { text?: string } | undefined)?.text;

describe('ChatGPT tool turns', () => {
  it('code cells with their outputs, a failed cell, and browsing become the calls of the reply that followed', () => {
    const path = importedPath(chatgptToolExport());
    expect(path.map((m) => [m.role, m.text])).toEqual([
      ['user', 'Plot the squares of 1 to 5 and sum them'],
      ['assistant', 'The squares sum to 55; the chart is above.'],
      ['user', 'Who first summed squares like that?'],
      // The user spoke right after the browse: the calls get a reply of their own.
      ['assistant', ''],
      ['user', 'Go on'],
      ['assistant', 'Archimedes and Fibonacci both knew it.'],
    ]);
    const [cell, failed] = path[1]!.toolCalls!;
    expect(cell).toMatchObject({ name: 'python', complete: true, providerRun: true, server: 'ChatGPT', phase: 'done', result: { isError: false } });
    expect(JSON.parse(cell!.argsText)).toEqual({ code: 'import matplotlib.pyplot as plt\nxs = [x * x for x in range(1, 6)]\nplt.plot(xs)\nsum(xs)' });
    expect(firstText(cell)).toBe('55\n[1 image shown in ChatGPT; not in the export]');
    expect(failed).toMatchObject({ name: 'python', result: { isError: true, parts: [{ type: 'text', text: 'ZeroDivisionError: division by zero' }] } });

    const [browse, quote] = path[3]!.toolCalls!;
    expect(JSON.parse(browse!.argsText)).toEqual({ code: 'search("sum of squares formula history")' });
    expect(firstText(browse)).toContain('Known to Archimedes and Fibonacci.');
    expect(quote).toMatchObject({ name: 'browser', argsText: '{}' });
    expect(firstText(quote)).toBe('Square pyramidal number\nhttps://en.wikipedia.org/wiki/Square_pyramidal_number\n\nFibonacci gave the formula in Liber Abaci.');
    expect(path[5]!.toolCalls).toBeUndefined();
  });

  it('a conversation that ends while a cell runs keeps the cell as the last reply', () => {
    const [conversation] = JSON.parse(chatgptToolExport()) as Array<{ mapping: Record<string, { children: string[] }>; current_node: string }>;
    // Cut the export after the first cell's output: no answer came.
    const cut = Object.keys(conversation!.mapping).slice(Object.keys(conversation!.mapping).indexOf('o1') + 1);
    for (const key of cut) delete conversation!.mapping[key];
    conversation!.mapping['o1']!.children = [];
    conversation!.current_node = 'o1';
    const path = importedPath(JSON.stringify([conversation]));
    expect(path.map((m) => [m.role, m.text, m.toolCalls?.map((c) => c.name)])).toEqual([
      ['user', 'Plot the squares of 1 to 5 and sum them', undefined],
      ['assistant', '', ['python']],
    ]);
    expect(firstText(path[1]?.toolCalls?.[0])).toMatch(/^55\n/);
  });
});

describe('Claude.ai tool turns', () => {
  it('tool_use / tool_result pairs become calls where Claude made them; artifacts become fenced text', () => {
    const path = importedPath(claudeToolExport());
    const first = path[1]!;
    expect(first.text).toBe("Let me check current practice.\n\nHere is a token bucket:\n\n**limiter.py**\n\n```python\nclass Bucket:\n    rate = 10  # tokens per second\n```");
    expect(first.toolCalls?.map((c) => [c.name, JSON.parse(c.argsText), c.at, c.result?.isError, c.server, c.providerRun])).toEqual([
      ['web_search', { query: 'token bucket rate limiter' }, 'Let me check current practice.'.length, false, 'Claude.ai', true],
      ['repl', { code: 'bucket.take(' }, 'Let me check current practice.'.length, true, 'Claude.ai', true],
    ]);
    expect(first.toolCalls?.[0]?.result?.parts).toEqual([
      { type: 'json', value: { type: 'knowledge', title: 'Token bucket', url: 'https://example.invalid/bucket', text: 'Tokens refill at a fixed rate.' } },
      { type: 'text', text: 'Found 1 result.' },
    ]);
    expect(firstText(first.toolCalls?.[1])).toBe('SyntaxError: Unexpected end of input');

    const second = path[3]!;
    expect(second.text).toBe('**limiter** (changed)\n\nReplaced:\n\n```\nrate = 10\n```\n\nwith:\n\n```\nrate = 20\n```\n\nDone: 20 tokens per second.');
    expect(second.toolCalls).toBeUndefined();
  });
});
