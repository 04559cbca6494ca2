// What a user sees when a provider rate limits or is overloaded, and the token counts under a
// reply, end to end in browser mode.
import { describe, expect, it } from 'vitest';
import * as openai from '../support/fake-providers/openai-wire';
import { streamReply } from '../support/fake-providers/steps';
import { lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';
import { screenshotAll } from './support/screenshots';

const apps = perTestApp();

describe('visible retries', () => {
  it('a 429 with retry-after shows a countdown with the attempt, then the reply', async () => {
    const { page, fake } = await apps.withOpenAI({ maxRetries: 2 });
    // Long enough to take screenshots at both widths in both themes while it counts down.
    fake.nextReply(openai.httpError(429, { retryAfterSec: 6 }), openai.textStream('Thanks for waiting.'));
    await send(page, 'Hello');

    const notice = lastReply(page).getByTestId('retry-notice');
    await expect.poll(() => notice.textContent()).toMatch(/^Rate limited — retrying in [1-6] s \(attempt 2 of 3\)$/);
    await screenshotAll(page, 'retry-countdown');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 15_000 }).toBe('complete');
    expect(await lastReply(page).locator('.message-text').textContent()).toBe('Thanks for waiting.');
    expect(await notice.count()).toBe(0);
  });

  it('with a 5 s stall timeout, a 7 s back-off is told as a rate limit, never as a stall', async () => {
    const { page, fake } = await apps.withOpenAI({ maxRetries: 1, idleTimeoutMs: 5000 });
    fake.nextReply(openai.httpError(429, { retryAfterSec: 7 }), openai.textStream('Here it is.'));
    await send(page, 'Hello');

    await expect.poll(() => lastReply(page).getByTestId('retry-notice').textContent()).toMatch(/^Rate limited — retrying in \d s \(attempt 2 of 2\)$/);
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 20_000 }).toBe('complete');
    expect(await lastReply(page).getByTestId('reply-error').count()).toBe(0);
    expect(await lastReply(page).locator('.message-text').textContent()).toBe('Here it is.');
  });

  it('when the retries run out, the error says it was rate limited and how often Plume tried', async () => {
    const { page, fake } = await apps.withOpenAI({ maxRetries: 1 });
    fake.nextReply(openai.httpError(429, { retryAfterSec: 0 }), openai.httpError(429, { retryAfterSec: 0 }));
    await send(page, 'Hello');

    const error = lastReply(page).getByTestId('reply-error');
    await expect.poll(() => error.getAttribute('data-kind')).toBe('rate_limit');
    expect(await error.textContent()).toMatch(/rate limiting.*Plume tried 2 times/);
  });
});

describe('usage under a reply', () => {
  it('shows uncached input, cache reads, output and reasoning apart', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.nextReply(
      streamReply([
        openai.roleChunk(),
        openai.chunk({ reasoning_content: 'Thinking.' }),
        openai.textChunk('Done.'),
        openai.finishChunk(),
        openai.dataFrame({
          id: 'c', object: 'chat.completion.chunk', created: 0, model: 'gpt-e2e', choices: [],
          usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500, prompt_tokens_details: { cached_tokens: 1024 }, completion_tokens_details: { reasoning_tokens: 256 } },
        }),
        openai.done(),
      ]),
    );
    await send(page, 'Hello');
    await expect.poll(() => lastReply(page).getByTestId('reply-stats').textContent()).toMatch(/176 in \/ 1024 cache read \/ 44 out \/ 256 reasoning/);
    await screenshotAll(page, 'usage-line');
  });

  it('a cache price set in Settings prices cached input on its own', async () => {
    const { page, fake } = await apps.withOpenAI();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Add price row' }).click();
    await page.locator('.price-table tbody tr').last().getByRole('textbox').first().fill('gpt-e2e');
    await page.getByLabel('Input price for gpt-e2e').fill('1000');
    await page.getByLabel('Output price for gpt-e2e').fill('2000');
    await page.getByLabel('Cache read price for gpt-e2e').fill('100');
    await screenshotAll(page, 'price-table');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByRole('button', { name: 'Back to chat' }).click();
    fake.nextReply(
      streamReply([
        openai.textChunk('Cached.'),
        openai.finishChunk(),
        openai.dataFrame({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'gpt-e2e', choices: [], usage: { prompt_tokens: 110, completion_tokens: 5, total_tokens: 115, prompt_tokens_details: { cached_tokens: 100 } } }),
        openai.done(),
      ]),
    );
    await send(page, 'Hello');
    // 10 uncached × $1000/M + 100 cached × $100/M + 5 out × $2000/M = $0.03
    await expect.poll(() => lastReply(page).getByTestId('reply-stats').textContent()).toMatch(/10 in \/ 100 cache read \/ 5 out · ≈ \$0\.03$/);
  });
});

describe('reasoning written into the content', () => {
  it('<think>…</think> fills the Reasoning panel, and the answer is only what follows', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.nextReply(
      streamReply([openai.textChunk('<think>\nThe user says hi.'), openai.textChunk(' Be brief.</th'), openai.textChunk('ink>\n\nHi there!'), openai.finishChunk(), openai.done()]),
    );
    await send(page, 'Hi');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    expect(await lastReply(page).locator('.message-text').textContent()).toBe('Hi there!');
    await lastReply(page).getByText('Reasoning').click();
    expect(await lastReply(page).locator('.reasoning-text').textContent()).toBe('The user says hi. Be brief.');
  });
});

