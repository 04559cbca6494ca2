import { describe, expect, it } from 'vitest';
import { PRESETS, findPreset } from '../../../src/main/providers/presets';
import { createAdapter } from '../../../src/main/providers/registry';

describe('provider presets', () => {
  it('local servers need no key and point at this machine', () => {
    for (const id of ['ollama', 'lmstudio', 'llamacpp']) {
      const preset = findPreset(id)!;
      expect(preset).toMatchObject({ needsKey: false, local: true, kind: 'openai' });
      expect(new URL(preset.defaultBaseURL).hostname).toBe('127.0.0.1');
    }
  });

  it("Anthropic's base URL has no /v1, since the SDK appends /v1/messages", () => {
    expect(findPreset('anthropic')).toMatchObject({ kind: 'anthropic', defaultBaseURL: 'https://api.anthropic.com' });
  });

  it('every preset but Custom has a parseable https or loopback base URL and an adapter', () => {
    for (const preset of PRESETS.filter((p) => p.id !== 'custom')) {
      const url = new URL(preset.defaultBaseURL);
      expect(url.protocol === 'https:' || url.hostname === '127.0.0.1', preset.id).toBe(true);
      expect(createAdapter(preset.kind, { baseURL: preset.defaultBaseURL })).toHaveProperty('stream');
    }
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('Custom asks for a base URL and offers extra headers', () => {
    expect(findPreset('custom')).toMatchObject({ defaultBaseURL: '', extraHeaders: true, kind: 'openai' });
  });
});
