import { describe, expect, it } from 'vitest';
import { anthropic, stall, streamReply, wait } from '../../support/fake-providers';
import { abortAtFirstText, anthropicFake, runAdapter } from './run-adapter';

describe('Anthropic Messages adapter', () => {
  it('streams thinking as reasoning and the answer as text, then usage and a normal finish', async () => {
    const fake = await anthropicFake();
    fake.replyText('Paris is the capital.', { tokens: 3, thinking: 'The user asks about France.', inputTokens: 21 });

    const result = await runAdapter('anthropic', { baseURL: fake.baseURL, apiKey: 'sk-ant-test-123' });

    expect(result.reasoning).toBe('The user asks about France.');
    expect(result.text).toBe('Paris is the capital.');
    expect(result.usage).toEqual({ inputTokens: 21, outputTokens: 3 });
    expect(result.events.at(-1)).toEqual({ type: 'finish', reason: 'stop', raw: 'end_turn' });
  });

  it('sends system text as a parameter, a default max_tokens, and the thinking budget', async () => {
    const fake = await anthropicFake();

    await runAdapter(
      'anthropic',
      { baseURL: fake.baseURL, apiKey: 'sk-ant-test-123' },
      {
        model: 'claude-x',
        system: 'Be brief.',
        messages: [
          { role: 'system', content: 'Answer in French.' },
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Salut' },
          { role: 'user', content: 'Again' },
        ],
        options: { thinkingBudget: 2000, maxOutputTokens: 1500 },
      },
    );

    const request = fake.requests[0]!;
    expect(request.path).toBe('/v1/messages');
    expect(request.body).toMatchObject({
      model: 'claude-x',
      stream: true,
      system: 'Be brief.\n\nAnswer in French.',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Salut' },
        { role: 'user', content: 'Again' },
      ],
      // max_tokens raised above the budget, which the API requires
      thinking: { type: 'enabled', budget_tokens: 2000 },
      max_tokens: 3024,
    });
  });

  it('uses a sane max_tokens when none is set, since the API requires one', async () => {
    const fake = await anthropicFake();

    await runAdapter('anthropic', { baseURL: fake.baseURL, apiKey: 'k' });

    expect(fake.requests[0]?.body).toMatchObject({ max_tokens: 8192 });
    expect(fake.requests[0]?.body).not.toHaveProperty('thinking');
  });

  it('counts pings as signs of life', async () => {
    const fake = await anthropicFake();
    const pings = [1, 2, 3, 4].flatMap(() => [wait(15), anthropic.ping()]);
    const { steps } = anthropic.textStream('ok', { tokens: 1 });
    fake.nextReply(streamReply([steps[0]!, ...pings, ...steps.slice(1)]));

    const result = await runAdapter('anthropic', { baseURL: fake.baseURL, apiKey: 'k' });

    expect(result.text).toBe('ok');
    expect(result.byteReports).toBeGreaterThanOrEqual(6);
  });

  it('aborting mid-reply closes the HTTP request without an error', async () => {
    const fake = await anthropicFake();
    fake.nextReply(streamReply([anthropic.messageStart(), anthropic.textBlockStart(0), anthropic.textDelta(0, 'Part'), stall()]));

    const seen = await abortAtFirstText('anthropic', fake.baseURL);

    await fake.waitForDisconnect();
    expect(seen).toEqual(['text']);
  });

  it.each([
    ['max_tokens', 'length'],
    ['stop_sequence', 'stop'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'refusal'],
    ['model_context_window_exceeded', 'length'],
    ['pause_turn', 'other'],
  ])('maps stop reason %s to finish %s', async (stopReason, finish) => {
    const fake = await anthropicFake();
    fake.replyText('x', { stopReason });

    const result = await runAdapter('anthropic', { baseURL: fake.baseURL, apiKey: 'k' });

    expect(result.finish).toBe(finish);
  });
});
