// Anthropic stream edge cases, replayed byte for byte by the fake server.
import { describe, expect, it } from 'vitest';
import { anthropic, rechunk, withCRLF, type Step } from '../../support/fake-providers';
import { playSteps, type RunResult } from './run-adapter';

const { blockStop, errorEvent, inputJsonDelta, messageDelta, messageStart, messageStop, ping, textBlockStart, textDelta, toolUseBlockStart } = anthropic;

const play = (steps: Step[]): Promise<RunResult> => playSteps('anthropic', steps);

describe('Anthropic stream quirks', () => {
  it('an overloaded_error event mid-stream ends the reply as an error, keeping the text so far', async () => {
    const result = await play([messageStart(), textBlockStart(0), textDelta(0, 'Begin'), ping(), errorEvent('overloaded_error', 'Overloaded')]);

    expect(result.text).toBe('Begin');
    expect(result.error).toMatchObject({ kind: 'provider_error', detail: 'Overloaded' });
    expect(result.error?.message).toMatch(/overloaded/);
    expect(result.finish).toBeUndefined();
  });

  it('no message_stop: no finish, even when message_delta already gave a stop reason', async () => {
    const result = await play([messageStart(), textBlockStart(0), textDelta(0, 'Almost'), blockStop(0), messageDelta('end_turn', 2)]);

    expect(result.text).toBe('Almost');
    expect(result.error).toBeUndefined();
    expect(result.events.some((e) => e.type === 'finish')).toBe(false);
  });

  it('tool_use blocks and their JSON fragments are ignored; the stop reason still maps', async () => {
    const result = await play([
      messageStart(),
      textBlockStart(0),
      textDelta(0, 'Checking the weather.'),
      blockStop(0),
      toolUseBlockStart(1, 'get_weather'),
      inputJsonDelta(1, '{"city": "Par'),
      inputJsonDelta(1, 'is"}'),
      blockStop(1),
      messageDelta('tool_use', 30),
      messageStop(),
    ]);

    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Checking the weather.');
    expect(result.finish).toBe('tool_calls');
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 30 });
  });

  it('bytes cut inside lines and UTF-8 sequences, with CRLF line endings, still give the exact text', async () => {
    const text = 'Ça marche 👍🏽 — naïve 日本語';
    const { steps } = anthropic.textStream(text, { tokens: 5, thinking: 'réfléchir…' });

    const result = await play(rechunk(withCRLF(steps), 5, 1));

    expect(result.text).toBe(text);
    expect(result.reasoning).toBe('réfléchir…');
    expect(result.finish).toBe('stop');
    expect(result.byteReports).toBeGreaterThan(20);
  });
});
