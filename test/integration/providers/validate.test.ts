import { describe, expect, it } from 'vitest';
import { checkApiKey, checkBaseURL, checkModelId } from '../../../src/main/providers/validate';

describe('checkBaseURL', () => {
  it('accepts a normal URL and drops trailing slashes the SDK would double', () => {
    expect(checkBaseURL(' http://127.0.0.1:11434/v1/ ', 'openai')).toEqual({ ok: true, value: 'http://127.0.0.1:11434/v1' });
  });

  it('refuses a URL without scheme, explaining the expected form', () => {
    const checked = checkBaseURL('localhost:11434/v1', 'openai');

    expect(checked).toMatchObject({ ok: false, error: { kind: 'config' } });
    if (!checked.ok) expect(checked.error.message).toMatch(/must start with http:\/\/ or https:\/\//);
  });

  it.each([
    ['', /Enter the base URL/],
    ['http://exa mple.com', /not a valid address/],
    ['ftp://example.com', /must use http/],
    ['https://user:secret@example.com/v1', /not in the base URL/],
    ['https://example.com/v1?key=1', /should not contain/],
  ])('refuses %j with a clear message', (input, message) => {
    const checked = checkBaseURL(input, 'openai');

    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.message).toMatch(message);
  });

  it('removes /v1 from an Anthropic base URL, and says so', () => {
    expect(checkBaseURL('https://api.anthropic.com/v1', 'anthropic')).toEqual({
      ok: true,
      value: 'https://api.anthropic.com',
      notice: 'Removed "/v1" from the end: the Anthropic client adds it itself.',
    });
  });

  it('removes a pasted endpoint path, and says so', () => {
    const checked = checkBaseURL('https://api.groq.com/openai/v1/chat/completions', 'openai');

    expect(checked).toMatchObject({ ok: true, value: 'https://api.groq.com/openai/v1' });
    if (checked.ok) expect(checked.notice).toMatch(/chat\/completions/);
  });
});

describe('checkModelId', () => {
  it('trims, and refuses empty ids and ids with spaces', () => {
    expect(checkModelId(' llama3.2:latest ')).toEqual({ ok: true, value: 'llama3.2:latest' });
    expect(checkModelId('  ')).toMatchObject({ ok: false, error: { kind: 'config', message: 'Choose a model, or type its id.' } });
    expect(checkModelId('GPT 4o')).toMatchObject({ ok: false });
  });
});

describe('checkApiKey', () => {
  it('strips line breaks and spaces from a pasted key, with a notice', () => {
    expect(checkApiKey('  sk-abc123\n', true)).toEqual({
      ok: true,
      value: 'sk-abc123',
      notice: 'Removed spaces and line breaks from the key.',
    });
  });

  it('strips a pasted "Bearer " prefix', () => {
    expect(checkApiKey('Bearer sk-abc123', true)).toMatchObject({ ok: true, value: 'sk-abc123', notice: expect.stringMatching(/Bearer/) });
  });

  it('a clean key passes untouched, without a notice', () => {
    expect(checkApiKey('sk-abc123', true)).toEqual({ ok: true, value: 'sk-abc123' });
  });

  it('an empty key is fine for local servers and refused where a key is needed', () => {
    expect(checkApiKey(' ', false)).toEqual({ ok: true, value: undefined });
    expect(checkApiKey('', true)).toMatchObject({ ok: false, error: { message: 'This provider needs an API key.' } });
  });

  it('refuses characters that cannot travel in an HTTP header, without echoing the key', () => {
    const checked = checkApiKey('sk-abc“123”', true);

    expect(checked.ok).toBe(false);
    expect(JSON.stringify(checked)).not.toContain('sk-abc');
  });
});
