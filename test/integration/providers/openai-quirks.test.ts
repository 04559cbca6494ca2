// How OpenAI-compatible servers bend the Chat Completions stream, each replayed byte for byte
// by the fake server, and what the user should see anyway.
import { describe, expect, it } from 'vitest';
import { comment, openai, rechunk, wait, withCRLF, type Step } from '../../support/fake-providers';
import { playSteps, type RunResult } from './run-adapter';

const { chunk, dataFrame, done, finishChunk, roleChunk, textChunk, usageBody, usageChunk } = openai;

const play = (steps: Step[]): Promise<RunResult> => playSteps('openai', steps);

describe('OpenAI-compatible stream quirks', () => {
  it('DeepSeek: reasoning in delta.reasoning_content, `: keep-alive` comments while queued', async () => {
    const result = await play([
      comment('keep-alive'),
      wait(10),
      comment('keep-alive'),
      roleChunk(),
      chunk({ reasoning_content: 'Two plus two ' }),
      chunk({ reasoning_content: 'is four.' }),
      chunk({ content: '4' }),
      finishChunk(),
      usageChunk({ prompt: 5, completion: 20, reasoning: 15 }),
      done(),
    ]);

    expect(result.reasoning).toBe('Two plus two is four.');
    expect(result.text).toBe('4');
    expect(result.usage).toEqual({ inputTokens: 5, outputTokens: 5, reasoningTokens: 15 });
    expect(result.finish).toBe('stop');
  });

  it('Ollama: reasoning in delta.reasoning, empty content alongside, and no usage chunk at all', async () => {
    const result = await play([
      roleChunk(),
      chunk({ content: '', reasoning: 'Thinking…' }),
      chunk({ content: 'Answer' }),
      finishChunk(),
      done(),
    ]);

    expect(result.reasoning).toBe('Thinking…');
    expect(result.text).toBe('Answer');
    expect(result.usage).toBeUndefined();
    expect(result.finish).toBe('stop');
    expect(result.events.filter((e) => e.type === 'text' && e.text === '')).toEqual([]);
  });

  it('vLLM: the usage chunk has `choices: null`', async () => {
    const result = await play([roleChunk(), textChunk('Hi'), finishChunk(), usageChunk({ prompt: 3, completion: 1 }, null), done()]);

    expect(result.usage).toEqual({ inputTokens: 3, outputTokens: 1 });
    expect(result.finish).toBe('stop');
  });

  it('Groq: usage under x_groq.usage, and empty chunks in between', async () => {
    const result = await play([
      roleChunk(),
      chunk({}),
      textChunk('Fast'),
      chunk({}),
      chunk({}, { finishReason: 'stop', extra: { x_groq: { id: 'req_1', usage: usageBody({ prompt: 8, completion: 1 }) } } }),
      done(),
    ]);

    expect(result.text).toBe('Fast');
    expect(result.usage).toEqual({ inputTokens: 8, outputTokens: 1 });
    expect(result.events.map((e) => e.type)).toEqual(['text', 'usage', 'finish']);
  });

  it('xAI: usage in the second-to-last chunk, not the last', async () => {
    const result = await play([
      roleChunk(),
      textChunk('Grok'),
      chunk({}, { finishReason: 'stop', extra: { usage: usageBody({ prompt: 4, completion: 1 }) } }),
      chunk({}),
      done(),
    ]);

    expect(result.usage).toEqual({ inputTokens: 4, outputTokens: 1 });
    expect(result.finish).toBe('stop');
  });

  it('OpenRouter: `: OPENROUTER PROCESSING` comments, then an error frame at HTTP 200 with a numeric code', async () => {
    const result = await play([
      comment('OPENROUTER PROCESSING'),
      roleChunk(),
      textChunk('Half an ans'),
      comment('OPENROUTER PROCESSING'),
      dataFrame({
        id: 'gen-1',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'some/model',
        error: { code: 502, message: 'Upstream provider returned an error' },
        choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
      }),
    ]);

    expect(result.text).toBe('Half an ans');
    expect(result.error).toMatchObject({ kind: 'provider_error', detail: 'Upstream provider returned an error' });
    expect(result.error?.message).toContain('Upstream provider returned an error');
    expect(result.finish).toBeUndefined();
  });

  it('finish_reason "error" without any error object still ends as an error, never as a normal finish', async () => {
    const result = await play([roleChunk(), textChunk('So far'), finishChunk('error'), done()]);

    expect(result.text).toBe('So far');
    expect(result.error?.kind).toBe('provider_error');
    expect(result.finish).toBeUndefined();
  });

  it('llama.cpp: `: ping` comments, then an error inside the 200 stream', async () => {
    const result = await play([
      comment('ping'),
      roleChunk(),
      textChunk('Once upon'),
      openai.errorFrame('the request exceeds the available context size', 'exceed_context_size_error'),
    ]);

    expect(result.text).toBe('Once upon');
    expect(result.error).toMatchObject({ kind: 'provider_error' });
    expect(result.error?.message).toContain('exceeds the available context size');
  });

  it('an `event: error` frame is an error too', async () => {
    const result = await play([roleChunk(), { do: 'send', bytes: 'event: error\ndata: {"error":{"message":"boom"}}\n\n' }]);

    expect(result.error).toMatchObject({ kind: 'provider_error', detail: 'boom' });
  });

  it('Mistral Magistral: content as an array of thinking and text parts', async () => {
    const result = await play([
      roleChunk(),
      chunk({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'Hmm, ' }] }] }),
      chunk({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'easy.' }] }] }),
      chunk({ content: [{ type: 'text', text: 'Bonjour' }] }),
      chunk({ content: '!' }),
      finishChunk(),
      done(),
    ]);

    expect(result.reasoning).toBe('Hmm, easy.');
    expect(result.text).toBe('Bonjour!');
  });

  it('tool-call fragments with empty names (LM Studio) and no index (Gemini) are ignored without crashing', async () => {
    const result = await play([
      roleChunk(),
      textChunk('Let me check.'),
      chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { name: '', arguments: '{"q":' } }] }),
      chunk({ tool_calls: [{ id: 'call_2', type: 'function', function: { name: 'other', arguments: '{}' } }] }),
      chunk({ tool_calls: [{ function: { arguments: '"x"}' } }] }),
      finishChunk('tool_calls'),
      done(),
    ]);

    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Let me check.');
    expect(result.finish).toBe('tool_calls');
  });

  it('maps length and content_filter, and keeps unknown reasons as "other" with the raw value', async () => {
    const length = await play([roleChunk(), textChunk('cut'), finishChunk('length'), done()]);
    const filtered = await play([roleChunk(), finishChunk('content_filter'), done()]);
    const odd = await play([roleChunk(), finishChunk('eos_token'), done()]);

    expect(length.finish).toBe('length');
    expect(filtered.finish).toBe('content_filter');
    expect(odd.events.at(-1)).toEqual({ type: 'finish', reason: 'other', raw: 'eos_token' });
  });

  it('a body that just ends, without finish_reason or [DONE], yields no finish: the reply was interrupted', async () => {
    const result = await play([roleChunk(), textChunk('The answer is')]);

    expect(result.text).toBe('The answer is');
    expect(result.error).toBeUndefined();
    expect(result.events.some((e) => e.type === 'finish')).toBe(false);
  });

  it('a finish_reason followed by the body ending without [DONE] still counts as finished', async () => {
    // The SDK does not tell whether [DONE] came; the finish_reason is the provider saying the
    // reply is whole, and a server that forgets [DONE] should not turn it into "interrupted".
    const result = await play([roleChunk(), textChunk('Complete.'), finishChunk('stop')]);

    expect(result.finish).toBe('stop');
  });

  it('bytes cut inside lines and inside UTF-8 sequences, with CRLF line endings, still give the exact text', async () => {
    const text = 'Zoë said “héllo” 🌍🚀 — 你好';
    const { steps } = openai.textStream(text, { tokens: 6 });

    const result = await play(rechunk(withCRLF(steps), 3, 1));

    expect(result.text).toBe(text);
    expect(result.finish).toBe('stop');
    // really delivered in many pieces, not coalesced into one
    expect(result.byteReports).toBeGreaterThan(20);
  });
});
