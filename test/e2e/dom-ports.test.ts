// The same protocol code, unchanged, over DOM MessagePorts in Chromium (Electron's renderer side).
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { launchChromium } from './support/browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry: join(import.meta.dirname, 'fixtures/dom-port-entry.ts'), formats: ['iife'], name: 'domPorts' },
      minify: false,
    },
  });
  const chunk = (Array.isArray(output) ? output[0] : output) as { output: Array<{ type: string; code?: string }> };
  const code = chunk.output.find((o) => o.type === 'chunk')?.code ?? '';
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>ports</title>');
  await page.addScriptTag({ content: code });
});
afterAll(() => browser?.close());

type RunResult = { state: string; exact: boolean; length: number; maxUnacked: number; messages: number; window: number };
const run = (deltas: string[], stallFrames: number) =>
  page.evaluate(([d, s]) => (window as unknown as { runReply: (d: string[], s: number) => Promise<RunResult> }).runReply(d, s), [deltas, stallFrames] as const);

describe('reply protocol over DOM MessagePorts', () => {
  it('delivers a reply byte-exact and in order, one grant per frame', async () => {
    const deltas = Array.from({ length: 5000 }, (_, i) => `tök${i}😀 `);
    const result = await run(deltas, 0);
    expect(result.state).toBe('complete');
    expect(result.exact).toBe(true);
    expect(result.maxUnacked).toBeLessThanOrEqual(result.window);
  });

  it('a renderer that stalls for 30 frames costs one window of messages, then gets everything at once', async () => {
    const deltas = Array.from({ length: 20000 }, (_, i) => `w${i} `);
    const result = await run(deltas, 30);
    expect(result.exact).toBe(true);
    expect(result.maxUnacked).toBeLessThanOrEqual(result.window);
    // 20,000 deltas coalesced into far fewer messages.
    expect(result.messages).toBeLessThan(2000);
  });
});
