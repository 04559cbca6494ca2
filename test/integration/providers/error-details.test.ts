// Small pure pieces of error reporting whose edge cases are awkward to reach over HTTP.
import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from '../../../src/main/providers/error-facts';
import { scrubSecrets } from '../../../src/main/providers/scrub';

describe('retry-after', () => {
  it('reads an HTTP date as the seconds left until then', () => {
    const now = Date.parse('2026-11-01T10:00:00Z');
    const headers = new Headers({ 'retry-after': 'Sun, 01 Nov 2026 10:00:45 GMT' });

    expect(retryAfterSeconds(headers, now)).toBe(45);
  });

  it('prefers retry-after-ms over retry-after, and ignores junk', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after-ms': '250', 'retry-after': '30' }))).toBe(1);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });
});

describe('scrubSecrets', () => {
  it('hides the exact key and masked key-like echoes', () => {
    const text = scrubSecrets('bad key my-custom-secret-key-42, also sk-proj-ab***yz', 'my-custom-secret-key-42');

    expect(text).toBe('bad key [key hidden], also [key hidden]');
  });

  it('leaves words alone when the "key" is a short dummy for a local server', () => {
    expect(scrubSecrets('model not found', 'no')).toBe('model not found');
  });
});
