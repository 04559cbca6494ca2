// Property: removing or nulling any optional field of any event never loses text. The events
// are the project's own, shaped like the real recorded streams (ids, logprobs, usage details,
// cache counters, citations, signatures…). "Optional" is every field except the ones that carry
// the text itself (and their parents) and the `type` tags that say what an event is.
import { describe, expect, it } from 'vitest';
import { AnthropicEventReader } from '../../../src/main/providers/anthropic-events';
import { OpenAIChunkReader } from '../../../src/main/providers/openai-chunks';
import type { ProviderEvent } from '../../../src/shared/provider-events';

type Json = Record<string, unknown>;

const OPENAI_CHUNKS: Json[] = [
  { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1769546683, model: 'r1', system_fingerprint: 'fp_1', usage: null,
    choices: [{ index: 0, text: '<think>', logprobs: null, finish_reason: null, seed: null, delta: { token_id: 1, role: 'assistant', content: '<think>' } }] },
  { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1769546683, model: 'r1', obfuscation: 'aZ3',
    choices: [{ index: 0, logprobs: { content: [{ token: 'Hm', logprob: -0.1, bytes: [72, 109], top_logprobs: [] }], refusal: null }, finish_reason: null, delta: { content: 'Hm.' } }] },
  { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1769546683, model: 'r1',
    choices: [{ index: 0, finish_reason: null, delta: { content: '</think>\n\nOK', extra_content: { google: { thought_signature: 'c2ln' } } } }] },
  { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1769546683, model: 'r1', provider: 'Groq',
    choices: [{ index: 0, finish_reason: null, native_finish_reason: null, delta: { reasoning: 'aside', reasoning_details: [{ type: 'reasoning.text', text: 'aside', index: 0, format: null }], channel: 'analysis' } }] },
  { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1769546683, model: 'r1',
    choices: [{ index: 0, finish_reason: null, delta: { content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'part' }] }, { type: 'text', text: ' done' }] } }] },
  { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1769546683, model: 'r1',
    choices: [{ index: 0, finish_reason: 'stop', delta: { annotations: [{ type: 'url_citation', url_citation: { url: 'https://example.org', title: 'x' } }] } }],
    x_groq: { id: 'req_1', usage: { queue_time: 0.1, prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 } } },
  { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1769546683, model: 'r1', choices: [],
    usage: { prompt_tokens: 21, completion_tokens: 9, total_tokens: 30, cost: 0, is_byok: false,
      prompt_tokens_details: { cached_tokens: 3, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 2, accepted_prediction_tokens: 0 } } },
];

const ANTHROPIC_EVENTS: Json[] = [
  { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude', content: [], stop_reason: null, stop_sequence: null,
    usage: { input_tokens: 338, cache_creation_input_tokens: 20, cache_read_input_tokens: 500, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 20 }, output_tokens: 1, service_tier: 'standard', inference_geo: 'not_available' } } },
  { type: 'ping' },
  { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Weigh it.' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQB' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'content_block_start', index: 1, content_block: { type: 'redacted_thinking', data: 'EmwK' } },
  { type: 'content_block_start', index: 2, content_block: { type: 'text', text: '', citations: null } },
  { type: 'content_block_delta', index: 2, delta: { type: 'text_delta', text: 'Paris, ' } },
  { type: 'content_block_delta', index: 2, delta: { type: 'citations_delta', citation: { type: 'web_search_result_location', cited_text: 'x', url: 'https://example.org', title: 't', encrypted_index: 'Eo8' } } },
  { type: 'content_block_delta', index: 2, delta: { type: 'text_delta', text: 'France.' } },
  { type: 'content_block_stop', index: 2 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null, container: null },
    usage: { input_tokens: 338, cache_creation_input_tokens: 20, cache_read_input_tokens: 500, output_tokens: 65, output_tokens_details: { thinking_tokens: 12 }, server_tool_use: { web_search_requests: 1 } },
    context_management: { applied_edits: [] } },
  { type: 'message_stop' },
];

/** Keys whose value is the text itself, and the `type` tags. Their parents are kept too. */
const CARRIERS = new Set(['content', 'text', 'thinking', 'reasoning', 'reasoning_content', 'type', 'choices', 'delta', 'content_block', '0', '1']);

interface Shown {
  text: string;
  reasoning: string;
}

function show(events: Iterable<ProviderEvent>, into: Shown): void {
  for (const e of events) {
    if (e.type === 'text') into.text += e.text;
    if (e.type === 'reasoning') into.reasoning += e.text;
  }
}

function playOpenAI(chunks: unknown[]): Shown {
  const reader = new OpenAIChunkReader('example.org');
  const shown = { text: '', reasoning: '' };
  for (const c of chunks) show(reader.read(c), shown);
  show(reader.end(), shown);
  return shown;
}

function playAnthropic(events: unknown[]): Shown {
  const reader = new AnthropicEventReader();
  const shown = { text: '', reasoning: '' };
  for (const e of events) show(reader.read(e as Json), shown);
  show(reader.end(), shown);
  return shown;
}

/** Every path to a field that is not a text carrier (nor on the way to one). */
function optionalPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  const paths: string[][] = [];
  for (const [key, child] of Object.entries(value)) {
    const here = [...path, key];
    if (CARRIERS.has(key)) paths.push(...optionalPaths(child, here));
    else paths.push(here, ...optionalPaths(child, here));
  }
  return paths;
}

function without(event: Json, path: string[], mode: 'remove' | 'null'): Json {
  const copy = structuredClone(event);
  let parent: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (mode === 'remove') delete parent[last];
  else parent[last] = null;
  return copy;
}

function* variants(events: Json[]): Generator<[string, Json[]]> {
  for (const [i, event] of events.entries()) {
    for (const path of optionalPaths(event)) {
      for (const mode of ['remove', 'null'] as const) {
        yield [`event ${i}: ${mode} ${path.join('.')}`, events.map((e, j) => (j === i ? without(e, path, mode) : e))];
      }
    }
  }
}

describe('no optional field is needed to show the reply', () => {
  for (const [wire, events, play] of [
    ['Chat Completions', OPENAI_CHUNKS, playOpenAI],
    ['Anthropic Messages', ANTHROPIC_EVENTS, playAnthropic],
  ] as const) {
    it(`${wire}: removing or nulling any optional field keeps every character of text and reasoning`, () => {
      const whole = play(events);
      expect(whole.text.length).toBeGreaterThan(0);
      expect(whole.reasoning.length).toBeGreaterThan(0);
      let tried = 0;
      for (const [what, changed] of variants(events)) {
        expect(play(changed), what).toEqual(whole);
        tried++;
      }
      expect(tried).toBeGreaterThan(60);
    });
  }
});
