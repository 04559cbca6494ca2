// The streaming slice end to end: Chromium → browser-mode host → real services → real SDKs →
// fake provider servers on 127.0.0.1.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { drop, stall, streamReply, wait } from '../support/fake-providers/steps';
import * as openai from '../support/fake-providers/openai-wire';
import { startFakeAnthropic } from '../support/fake-providers';
import { addProvider, lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();
const openAIApp = apps.withOpenAI;

/** Samples the reply's text on every animation frame until it settles, in the page itself. */
async function recordGrowth(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const sample = () => {
          const replies = document.querySelectorAll('[data-testid=message-assistant]');
          const reply = replies[replies.length - 1] as HTMLElement | undefined;
          const text = reply?.querySelector('.message-text')?.textContent ?? '';
          if (text !== seen[seen.length - 1]) seen.push(text);
          if (reply && reply.dataset.state !== 'streaming') resolve(seen);
          else requestAnimationFrame(sample);
        };
        sample();
      }),
  );
}

describe('streaming in browser mode', () => {
  it('configures a provider in the UI and streams a reply token by token', async () => {
    const { page, fake } = await openAIApp();
    const text = 'Plume streams every token as it arrives, one frame at a time, without buffering.';
    fake.replyText(text, { tokens: 14, everyMs: 40 });
    const growth = recordGrowth(page);
    await send(page, 'Say something');
    const frames = await growth;
    // The text grew in many visible steps, each one a prefix of the next: no buffering hop.
    expect(frames.length).toBeGreaterThanOrEqual(8);
    for (let i = 1; i < frames.length; i++) expect((frames[i] as string).startsWith(frames[i - 1] as string)).toBe(true);
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    expect(await lastReply(page).locator('.message-text').textContent()).toBe(text);
    await expect.poll(() => page.getByTestId('reply-stats').textContent()).toMatch(/TTFT \d+ ms · [\d.]+ tok\/s · 12 in \/ 14 out/);
    const request = fake.requests.at(-1);
    expect(request?.body).toMatchObject({ model: 'gpt-e2e', stream: true, messages: [{ role: 'user', content: 'Say something' }] });
    expect(request?.headers.authorization).toBe('Bearer sk-e2e-0123456789');
  });

  it('a fast stream changes the reply at most once per animation frame', async () => {
    const { page, fake } = await openAIApp();
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
    fake.replyText(words, { tokens: 1500, everyMs: 1 });
    // Counts, per frame, how many times the reply's text changed: each change is a commit.
    const watch = page.evaluate(
      () =>
        new Promise<{ frames: number; maxPerFrame: number; changes: number }>((resolve) => {
          let perFrame = 0;
          let maxPerFrame = 0;
          let frames = 0;
          let changes = 0;
          let last = '';
          const observer = new MutationObserver(() => {
            const replies = document.querySelectorAll('[data-testid=message-assistant]');
            const text = replies[replies.length - 1]?.querySelector('.message-text')?.textContent ?? '';
            if (text !== last) {
              last = text;
              perFrame++;
              changes++;
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          const frame = () => {
            frames++;
            maxPerFrame = Math.max(maxPerFrame, perFrame);
            perFrame = 0;
            const replies = document.querySelectorAll('[data-testid=message-assistant]');
            const state = (replies[replies.length - 1] as HTMLElement | undefined)?.dataset.state;
            if (state && state !== 'streaming') {
              observer.disconnect();
              resolve({ frames, maxPerFrame, changes });
            } else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
    );
    await send(page, 'Many tokens');
    const result = await watch;
    expect(result.changes).toBeGreaterThan(3);
    expect(result.maxPerFrame).toBeLessThanOrEqual(1);
    expect((await lastReply(page).locator('.message-text').textContent())?.trim()).toBe(words);
  });

  it('Enter sends, Shift+Enter makes a new line', async () => {
    const { page, fake } = await openAIApp();
    fake.replyText('ok');
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('line one');
    await box.press('Shift+Enter');
    await box.pressSequentially('line two');
    expect(await box.inputValue()).toBe('line one\nline two');
    await box.press('Enter');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    expect(await box.inputValue()).toBe('');
    expect(fake.requests.at(-1)?.body).toMatchObject({ messages: [{ role: 'user', content: 'line one\nline two' }] });
  });

  it('Stop ends the reply at once, keeps the text, and aborts the HTTP request', async () => {
    const { page, fake } = await openAIApp();
    const tokens = Array.from({ length: 200 }, (_, i) => `word${i} `);
    fake.nextReply(streamReply([openai.roleChunk(), ...tokens.flatMap((t) => [openai.textChunk(t), wait(50)]), openai.finishChunk('stop'), openai.done()]));
    await send(page, 'Talk for a long time');
    await expect.poll(() => lastReply(page).locator('.message-text').textContent()).toContain('word5 ');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await fake.waitForDisconnect();
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('stopped');
    const kept = (await lastReply(page).locator('.message-text').textContent()) ?? '';
    expect(kept.startsWith('word0 word1 word2 word3 word4 word5 ')).toBe(true);
    expect(kept).not.toContain('word199');
    expect(await lastReply(page).getByRole('button', { name: 'Retry this reply' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
  });

  it('a connection lost mid-reply keeps the partial text, explains it inline, and Retry works', async () => {
    const { page, fake } = await openAIApp();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('The first half '), wait(30), openai.textChunk('arrived, '), drop()]));
    fake.replyText('A complete answer on the second try.', { tokens: 6, everyMs: 10 });
    await send(page, 'Question');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toMatch(/error|interrupted/);
    expect((await lastReply(page).locator('.message-text').textContent())?.trim()).toBe('The first half arrived,');
    const error = lastReply(page).getByTestId('reply-error');
    expect(await error.getAttribute('data-kind')).toBe('connection_lost');
    expect(await error.textContent()).toMatch(/connection/i);
    // Nothing was retried behind the user's back.
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    await lastReply(page).getByRole('button', { name: 'Retry this reply' }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    expect(await lastReply(page).locator('.message-text').textContent()).toBe('A complete answer on the second try.');
    expect(await page.getByTestId('reply-error').count()).toBe(0);
  });

  it('a stream that ends without [DONE] is shown as interrupted, never as complete', async () => {
    const { page, fake } = await openAIApp();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Cut short')]));
    await send(page, 'Q');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('interrupted');
    expect(await lastReply(page).getByTestId('reply-error').textContent()).toMatch(/ended before the reply was complete/);
    expect(await lastReply(page).getByRole('button', { name: 'Retry this reply' }).count()).toBe(1);
  });

  it('explains a bad key, a rate limit with its wait, and a provider outage in plain words', async () => {
    const { page, fake } = await openAIApp();
    fake.replyError(401);
    await send(page, 'one');
    await expect.poll(() => lastReply(page).getByTestId('reply-error').getAttribute('data-kind')).toBe('auth');
    expect(await lastReply(page).getByTestId('reply-error').textContent()).toMatch(/key/i);

    fake.replyError(429, { retryAfterSec: 20 });
    await send(page, 'two');
    await expect.poll(() => lastReply(page).getByTestId('reply-error').getAttribute('data-kind')).toBe('rate_limit');
    expect(await lastReply(page).getByTestId('reply-error').textContent()).toMatch(/20 s/);

    fake.nextReply((await import('../support/fake-providers/steps')).htmlErrorPage(502));
    await send(page, 'three');
    await expect.poll(() => lastReply(page).getByTestId('reply-error').getAttribute('data-kind')).toBe('server');
    expect(await lastReply(page).getByTestId('reply-error').textContent()).not.toContain('<');
  });

  it('a stalled stream is ended by the idle watchdog with the partial text kept', async () => {
    const { page, fake } = await openAIApp({ idleTimeoutMs: 700 });
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Partial before the stall'), stall()]));
    await send(page, 'Q');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 10_000 }).toBe('error');
    expect(await lastReply(page).getByTestId('reply-error').getAttribute('data-kind')).toBe('stalled');
    expect(await lastReply(page).locator('.message-text').textContent()).toBe('Partial before the stall');
    await fake.waitForDisconnect();
  });

  it('reloading the window mid-reply aborts the provider request', async () => {
    const { page, fake } = await openAIApp();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Streaming…'), stall()]));
    await send(page, 'Q');
    await expect.poll(() => lastReply(page).locator('.message-text').textContent()).toBe('Streaming…');
    await page.reload();
    await fake.waitForDisconnect();
    expect(fake.requests.at(-1)?.clientDisconnected).toBe(true);
  });

  it('an oversized paste is refused with a clear message and stays in the composer', async () => {
    const { page, fake } = await openAIApp();
    const huge = 'x'.repeat(2_000_001);
    await page.getByRole('textbox', { name: 'Message' }).fill(huge);
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/too long to send/);
    expect((await page.getByRole('textbox', { name: 'Message' }).inputValue()).length).toBe(huge.length);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('streams from an Anthropic provider too', async () => {
    const anthropic = apps.track(await startFakeAnthropic());
    const app = await apps.start();
    await addProvider(app.page, { kind: 'anthropic', baseURL: anthropic.baseURL, apiKey: 'sk-ant-e2e-0123456789', model: 'claude-e2e' });
    anthropic.replyText('Hello from Claude, streamed.', { tokens: 5, everyMs: 20 });
    await send(app.page, 'Hi');
    await expect.poll(() => lastReply(app.page).getAttribute('data-state')).toBe('complete');
    expect(await lastReply(app.page).locator('.message-text').textContent()).toBe('Hello from Claude, streamed.');
    // SDK 1.x sends the key as a bearer token; older ones used x-api-key.
    const headers = anthropic.requests.at(-1)?.headers ?? {};
    expect(headers['x-api-key'] ?? headers.authorization).toMatch(/^(Bearer )?sk-ant-e2e-0123456789$/);
  });

  it('the page never contacts any host but Plume\'s own', async () => {
    const { app, page, fake } = await openAIApp();
    fake.replyText('done');
    await send(page, 'Q');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    expect(app.foreignRequests).toEqual([]);
  });
});
