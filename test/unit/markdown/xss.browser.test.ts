import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openHarness } from './chromium.ts';
import { missing } from '../../support/skip-reason';
import type { Harness } from './chromium.ts';
import { XSS_PAYLOADS } from './xss-corpus.ts';

let h: Harness;

beforeAll(async () => {
  if (!hasChromium) return;
  h = await openHarness();
  // Payloads that run would call one of these; turn every route into a recorded dialog.
  await h.page.evaluate(() => {
    const record = (): void => {
      window.alert('pwned');
    };
    Object.assign(window, { confirm: record, prompt: record, msgbox: record });
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

interface ElementSummary {
  tag: string;
  attrs: Array<[string, string]>;
}

// Elements markdown never produces and KaTeX never emits (GFM's disabled task checkbox aside);
// any of them means model HTML got in.
const FORBIDDEN = new Set(['script', 'iframe', 'object', 'embed', 'form', 'input', 'base', 'meta', 'link', 'style', 'video', 'audio', 'details', 'body', 'noscript', 'xss', 'frame']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'data', 'formaction', 'xlink:href', 'poster']);

/** Reasons the rendered DOM would be dangerous; escaped text that looks like HTML is fine. */
function dangers(elements: ElementSummary[]): string[] {
  const found: string[] = [];
  for (const { tag, attrs } of elements) {
    const taskCheckbox = tag === 'input' && attrs.some(([n, v]) => n === 'type' && v === 'checkbox') && attrs.some(([n]) => n === 'disabled');
    if (FORBIDDEN.has(tag) && !taskCheckbox) found.push(`<${tag}>`);
    for (const [name, value] of attrs) {
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (URL_ATTRS.has(name) && !/^(https?:|mailto:|#)/i.test(value.trim())) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

describe.skipIf(missing(hasChromium, 'no Chromium at /usr/bin/chromium (Debian chromium; .ci/run installs it)'))('XSS corpus rendered in Chromium', () => {
  it(`has at least 60 payloads (${XSS_PAYLOADS.length})`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(60);
  });

  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    it(`payload ${i}: ${JSON.stringify(payload).slice(0, 60)}`, async () => {
      const { opened, html, elements } = await h.page.evaluate((t) => window.harness.attack(t), `Before\n\n${payload}\n\nAfter`);
      expect(h.dialogs).toEqual([]);
      expect(dangers(elements)).toEqual([]);
      expect(html).toContain('After');
      for (const url of opened) expect(url).toMatch(/^(https?:|mailto:)/i);
    });
  }

  it('streams the whole corpus as one reply without anything running', async () => {
    const text = XSS_PAYLOADS.join('\n\n');
    const { elements } = await h.page.evaluate((t) => window.harness.streamThenSettle(t, 'tokens'), text);
    expect(h.dialogs).toEqual([]);
    expect(dangers(elements)).toEqual([]);
    expect(elements.length).toBeGreaterThan(XSS_PAYLOADS.length);
  });

  it('hands a safe link to the opener only when clicked', async () => {
    const { opened } = await h.page.evaluate(() => window.harness.attack('[site](https://example.com/a) and [mail](mailto:a@example.com)'));
    expect(opened).toEqual(['https://example.com/a', 'mailto:a@example.com']);
  });
});
