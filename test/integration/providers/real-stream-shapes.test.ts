// The shapes real providers were recorded sending (see the replay script), written as the
// project's own fixtures and played by the fake servers byte for byte, also cut into pieces.
import { describe, expect, it } from 'vitest';
import { anthropic, openai, rechunk, streamReply, type Step } from '../../support/fake-providers';
import { openaiFake, playSteps, runAdapter } from './run-adapter';

const { chunk, dataFrame, done, finishChunk, roleChunk, textChunk, usageChunk } = openai;
const { blockStop, frame, messageStop, textBlockStart, textDelta, thinkingBlockStart, thinkingDelta } = anthropic;

/** A DeepSeek-R1 reply as Together and Groq stream it: the reasoning inside the content. */
const R1_REPLY: Step[] = [
  roleChunk(),
  textChunk('<think>'),
  textChunk('\nThe user wants'),
  textChunk(' to cross safely.\n'),
  textChunk('</think>'),
  textChunk('\n\n'),
  textChunk('Look left, '),
  textChunk('then right.'),
  finishChunk('stop'),
  usageChunk({ prompt: 10, completion: 30 }),
  done(),
];

describe('reasoning written into the content', () => {
  it('<think>…</think> is shown as reasoning and the answer starts after it, however the bytes are cut', async () => {
    for (const steps of [R1_REPLY, rechunk(R1_REPLY, 3)]) {
      const result = await playSteps('openai', steps);
      expect(result.reasoning.trim()).toBe('The user wants to cross safely.');
      expect(result.text).toBe('Look left, then right.');
      expect(result.finish).toBe('stop');
    }
  });

  it('a closing tag split across chunks never leaks into either panel', async () => {
    const result = await playSteps('openai', [textChunk('<think>Hmm.</th'), textChunk('ink'), textChunk('>Yes.'), finishChunk(), done()]);
    expect(result).toMatchObject({ reasoning: 'Hmm.', text: 'Yes.' });
  });

  it('a <think> that never closes (max tokens while thinking) is all reasoning, and the finish says why', async () => {
    const result = await playSteps('openai', [textChunk('<think>Let me weigh'), textChunk(' every option'), finishChunk('length'), done()]);
    expect(result).toMatchObject({ reasoning: 'Let me weigh every option', text: '', finish: 'length' });
  });

  it('with the provider setting off, the tags stay in the text', async () => {
    const fake = await openaiFake();
    fake.nextReply(streamReply(R1_REPLY));
    const result = await runAdapter('openai', { baseURL: fake.baseURL, thinkTags: false });
    expect(result.reasoning).toBe('');
    expect(result.text).toContain('<think>\nThe user wants');
  });

  it("Gemini's thought deltas are reasoning, with or without <thought> tags", async () => {
    const thought = { google: { thought: true } };
    const result = await playSteps('openai', [
      chunk({ role: 'assistant', content: '<thought>**Adding**\n\n', extra_content: thought }),
      chunk({ content: 'Carry the one.', extra_content: thought }),
      chunk({ content: '</thought>It is ', extra_content: null }),
      chunk({ content: '391.' }),
      chunk({ content: null, extra_content: { google: { thought_signature: 'c2ln' } } }, { finishReason: 'stop' }),
      done(),
    ]);
    expect(result).toMatchObject({ reasoning: '**Adding**\n\nCarry the one.', text: 'It is 391.', finish: 'stop' });

    const untagged = await playSteps('openai', [
      chunk({ content: 'Thinking it over.', extra_content: thought }),
      chunk({ content: 'Done.' }, { finishReason: 'stop' }),
      done(),
    ]);
    expect(untagged).toMatchObject({ reasoning: 'Thinking it over.', text: 'Done.' });
  });
});

describe('how a stream ends', () => {
  it('[DONE] after content with no finish_reason anywhere is a normal finish', async () => {
    const result = await playSteps('openai', [textChunk('15 × 27 = '), textChunk('405'), usageChunk({ prompt: 45, completion: 7 }), done()]);
    expect(result).toMatchObject({ text: '15 × 27 = 405', finish: 'stop' });
    expect(result.error).toBeUndefined();
  });

  it('no [DONE] and no finish_reason stays an interrupted reply', async () => {
    const result = await playSteps('openai', [textChunk('15 × 27 = '), usageChunk({ prompt: 45, completion: 7 })]);
    expect(result.text).toBe('15 × 27 = ');
    expect(result.finish).toBeUndefined();
  });

  it("OpenRouter's error chunk after a length finish keeps the finish, the reasoning and the usage it carries", async () => {
    const result = await playSteps('openai', [
      chunk({ role: 'assistant', content: '', reasoning: 'We need to greet' }),
      chunk({ content: '', reasoning: ' the user' }, { finishReason: 'length' }),
      dataFrame({
        error: { code: 400, message: 'Token limit reached' },
        choices: [{ index: 0, delta: { content: '' }, finish_reason: null }],
        usage: { prompt_tokens: 40, completion_tokens: 9, total_tokens: 49, completion_tokens_details: { reasoning_tokens: 9 } },
      }),
      done(),
    ]);
    expect(result).toMatchObject({ reasoning: 'We need to greet the user', finish: 'length' });
    expect(result.error).toBeUndefined();
    expect(result.usage).toEqual({ inputTokens: 40, outputTokens: 0, reasoningTokens: 9 });
  });
});

describe('Anthropic events with fields missing or unknown', () => {
  /** Anthropic's own documentation example: no usage in message_start or message_delta. */
  const NO_USAGE: Step[] = [
    frame('message_start', { message: { id: 'msg_doc', type: 'message', role: 'assistant', content: [], model: 'claude', stop_reason: null } }),
    thinkingBlockStart(0),
    thinkingDelta(0, '27 × 453: 400, 50, 3…'),
    blockStop(0),
    textBlockStart(1),
    textDelta(1, '27 × 453 = 12,231'),
    blockStop(1),
    frame('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null } }),
    messageStop(),
  ];

  it('a stream without any usage object still gives the whole reply and a normal finish', async () => {
    for (const steps of [NO_USAGE, rechunk(NO_USAGE, 4)]) {
      const result = await playSteps('anthropic', steps);
      expect(result).toMatchObject({ reasoning: '27 × 453: 400, 50, 3…', text: '27 × 453 = 12,231', finish: 'stop' });
      expect(result.error).toBeUndefined();
      expect(result.usage).toBeUndefined();
    }
  });

  it('unknown event and block types are skipped, not fatal', async () => {
    const result = await playSteps('anthropic', [
      anthropic.messageStart(20),
      frame('content_block_start', { index: 0, content_block: { type: 'hologram', data: 'x' } }),
      frame('content_block_delta', { index: 0, delta: { type: 'hologram_delta', data: 'y' } }),
      blockStop(0),
      frame('content_block_start', { index: 1, content_block: null }),
      frame('content_block_delta', { index: 1, delta: null }),
      textBlockStart(2),
      textDelta(2, 'Still here.'),
      blockStop(2),
      anthropic.messageDelta('end_turn', 4),
      messageStop(),
    ]);
    expect(result).toMatchObject({ text: 'Still here.', finish: 'stop' });
    expect(result.error).toBeUndefined();
    expect(result.usage).toEqual({ inputTokens: 20, outputTokens: 4 });
  });
});
