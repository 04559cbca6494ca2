// The CSP header on plume://app/ pages: no remote origin anywhere, no eval, no inline script.
import { describe, expect, it } from 'vitest';
import { rendererCsp } from '../../../src/main/electron-main/renderer-csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name as string, values];
    }),
  );
}

describe('renderer CSP', () => {
  const policy = directives(rendererCsp());

  it('falls back to nothing and lets scripts come only from the app itself', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('never allows eval, inline script, wildcards or remote origins', () => {
    for (const [name, values] of policy) {
      expect(values, name).not.toContain("'unsafe-eval'");
      expect(values, name).not.toContain("'wasm-unsafe-eval'");
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
      for (const value of values) {
        expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      }
    }
  });

  it('closes plugins, <base>, form posts and framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
