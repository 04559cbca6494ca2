// Tool calls streamed by real SDKs from fake servers in both wire formats, cut everywhere: each
// call must come out whole, in order, with its name before its arguments, and be final only on
// its explicit end; a reply that stops inside the arguments marks the call incomplete.
import { describe, expect, it } from 'vitest';
import type { ProviderEvent } from '../../../src/shared/provider-events';
import { anthropic, anthropicToolReply, anthropicToolUseSteps, openai, openaiToolReply, rechunk, type ScriptedCall } from '../../support/fake-providers';
import { playSteps } from './run-adapter';

interface SeenCall {
  callId: string;
  name: string;
  args: string;
  complete?: boolean;
  providerRun?: boolean;
}

/** Sums the tool-call events up and checks their order: start, deltas, one end, nothing after. */
function toolCalls(events: ProviderEvent[]): SeenCall[] {
  const calls = new Map<string, SeenCall>();
  for (const event of events) {
    if (event.type === 'tool-call-start') {
      expect(calls.has(event.callId), `second start for ${event.callId}`).toBe(false);
      calls.set(event.callId, { callId: event.callId, name: event.name, args: '', ...(event.providerRun ? { providerRun: true } : {}) });
    } else if (event.type === 'tool-call-delta' || event.type === 'tool-call-end') {
      const call = calls.get(event.callId);
      expect(call, `${event.type} before start`).toBeDefined();
      expect(call?.complete, `${event.type} after end`).toBeUndefined();
      if (event.type === 'tool-call-delta') (call as SeenCall).args += event.text;
      else (call as SeenCall).complete = event.complete;
    }
  }
  return [...calls.values()];
}

const WEATHER: ScriptedCall = { id: 'call_w', name: 'get_weather', args: '{"city": "Edinburgh", "units": "c", "days": 12, "note": "caf\\u00e9 \\"quoted\\" 😀"}' };
const STOCK: ScriptedCall = { id: 'call_s', name: 'get_stock_price', args: '{"ticker": "AAPL", "exchange": "NASDAQ", "limits": [1.5e3, -20]}' };

describe('OpenAI-type tool calls', () => {
  it('assembles one call cut into 1–3 character fragments, bytes re-cut every 7', async () => {
    const result = await playSteps('openai', rechunk(openaiToolReply([WEATHER], { text: 'Let me check.' }), 7));
    expect(result.text).toBe('Let me check.');
    expect(toolCalls(result.events)).toEqual([{ callId: 'call_w', name: 'get_weather', args: WEATHER.args, complete: true }]);
    expect(result.finish).toBe('tool_calls');
    // Final only on finish_reason: the end comes after the last argument piece, not when the
    // text first parses as JSON.
    const types = result.events.map((e) => e.type);
    expect(types.lastIndexOf('tool-call-delta')).toBeLessThan(types.indexOf('tool-call-end'));
  });

  it('parallel calls: each ends when the next index starts, the last on finish_reason', async () => {
    const result = await playSteps('openai', openaiToolReply([WEATHER, STOCK]));
    expect(toolCalls(result.events)).toEqual([
      { callId: 'call_w', name: 'get_weather', args: WEATHER.args, complete: true },
      { callId: 'call_s', name: 'get_stock_price', args: STOCK.args, complete: true },
    ]);
    const firstEnd = result.events.findIndex((e) => e.type === 'tool-call-end');
    const secondStart = result.events.findIndex((e) => e.type === 'tool-call-start' && e.callId === 'call_s');
    expect(firstEnd).toBeLessThan(secondStart);
  });

  it('Ollama / Mistral: whole calls in one fragment each', async () => {
    const result = await playSteps('openai', openaiToolReply([WEATHER, STOCK], { style: 'whole' }));
    expect(toolCalls(result.events).map((c) => [c.name, c.args, c.complete])).toEqual([
      ['get_weather', WEATHER.args, true],
      ['get_stock_price', STOCK.args, true],
    ]);
  });

  it('LM Studio: continuations repeat the id with an empty name, and start no new call', async () => {
    const result = await playSteps('openai', openaiToolReply([WEATHER, STOCK], { style: 'lmstudio' }));
    expect(toolCalls(result.events).map((c) => [c.callId, c.name, c.args])).toEqual([
      ['call_w', 'get_weather', WEATHER.args],
      ['call_s', 'get_stock_price', STOCK.args],
    ]);
  });

  it('servers without `index` tell parallel calls apart by id', async () => {
    const result = await playSteps('openai', openaiToolReply([WEATHER, STOCK], { style: 'no-index' }));
    expect(toolCalls(result.events).map((c) => c.args)).toEqual([WEATHER.args, STOCK.args]);
  });

  it('max_tokens inside the JSON (finish_reason length): the call ends incomplete', async () => {
    const cut: ScriptedCall = { ...WEATHER, args: '{"city": "Edinb' };
    const result = await playSteps('openai', openaiToolReply([cut], { finishReason: 'length' }));
    expect(toolCalls(result.events)).toEqual([{ callId: 'call_w', name: 'get_weather', args: '{"city": "Edinb', complete: false }]);
    expect(result.finish).toBe('length');
  });

  it('a stream cut off without finish_reason or [DONE] leaves the call incomplete, even if it parses', async () => {
    const result = await playSteps('openai', openaiToolReply([WEATHER], { finishReason: null }));
    expect(toolCalls(result.events)).toEqual([{ callId: 'call_w', name: 'get_weather', args: WEATHER.args, complete: false }]);
    expect(result.finish).toBeUndefined();
  });

  it('a server that ends with [DONE] but sends no finish_reason finished the call', async () => {
    const result = await playSteps('openai', [...openaiToolReply([WEATHER], { finishReason: null }), openai.done()]);
    expect(toolCalls(result.events)).toEqual([{ callId: 'call_w', name: 'get_weather', args: WEATHER.args, complete: true }]);
    expect(result.finish).toBe('stop');
  });
});

describe('Anthropic tool_use', () => {
  it('text, then a tool_use whose input_json_delta pieces are cut everywhere, bytes re-cut every 5', async () => {
    const result = await playSteps('anthropic', rechunk(anthropicToolReply([WEATHER], { text: 'Checking.' }), 5));
    expect(result.text).toBe('Checking.');
    expect(toolCalls(result.events)).toEqual([{ callId: 'call_w', name: 'get_weather', args: WEATHER.args, complete: true }]);
    expect(result.finish).toBe('tool_calls');
  });

  it('parallel tool_use blocks each end on their own content_block_stop', async () => {
    const result = await playSteps('anthropic', anthropicToolReply([WEATHER, STOCK]));
    expect(toolCalls(result.events).map((c) => [c.name, c.args, c.complete])).toEqual([
      ['get_weather', WEATHER.args, true],
      ['get_stock_price', STOCK.args, true],
    ]);
  });

  it('max_tokens inside the JSON (no content_block_stop): the call ends incomplete', async () => {
    const cut: ScriptedCall = { id: 'toolu_1', name: 'make_file', args: '{"filename": "taxes.txt", "lines": [\n"# GUIDE",\n"Filing taxes' };
    const result = await playSteps('anthropic', [
      anthropic.messageStart(),
      ...anthropicToolUseSteps(0, cut, { stop: false }),
      anthropic.messageDelta('max_tokens', 124),
      anthropic.messageStop(),
    ]);
    expect(toolCalls(result.events)).toEqual([{ callId: 'toolu_1', name: 'make_file', args: cut.args, complete: false }]);
    expect(result.finish).toBe('length');
  });

  it('server tools and the MCP connector are marked as run by the provider', async () => {
    const search: ScriptedCall = { id: 'srvtoolu_1', name: 'web_search', args: '{"query": "news"}' };
    const echo: ScriptedCall = { id: 'mcptoolu_1', name: 'echo', args: '{"message": "hi"}' };
    const result = await playSteps('anthropic', [
      anthropic.messageStart(),
      ...anthropicToolUseSteps(0, search, { blockType: 'server_tool_use' }),
      ...anthropicToolUseSteps(1, echo, { blockType: 'mcp_tool_use' }),
      anthropic.messageDelta('end_turn', 10),
      anthropic.messageStop(),
    ]);
    expect(toolCalls(result.events).map((c) => [c.name, c.providerRun, c.complete])).toEqual([
      ['web_search', true, true],
      ['echo', true, true],
    ]);
  });
});
