// Failed replies as a person reads them: a refused key leads to the provider's settings, each
// sentence is said once, no token count nobody measured, and a stall says only what is true.
import { describe, expect, it } from 'vitest';
import { stall, streamReply } from '../support/fake-providers/steps';
import * as openai from '../support/fake-providers/openai-wire';
import { lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';
import { screenshotAll } from './support/screenshots';

const apps = perTestApp();
const error = (page: Parameters<typeof lastReply>[0]) => lastReply(page).getByTestId('reply-error');

describe('reply errors', () => {
  it('a rejected key offers "Open provider settings", which opens that provider\'s form; no "0 out"', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyError(401);
    await send(page, 'Hello');
    await error(page).waitFor();
    expect(await error(page).getAttribute('data-kind')).toBe('auth');
    const statsLine = lastReply(page).getByTestId('reply-stats');
    const stats = (await statsLine.count()) > 0 ? await statsLine.textContent() : '';
    expect(stats).not.toMatch(/\bout\b/);
    await screenshotAll(page, 'reply-error-auth');

    await error(page).getByRole('button', { name: 'Open provider settings' }).click();
    const form = page.getByRole('form', { name: /^Edit / });
    await form.waitFor();
    expect(await form.getByLabel('Base URL', { exact: true }).inputValue()).toBe(fake.baseURL);
  });

  it('a 403 offers the provider settings too', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyError(403);
    await send(page, 'Hello');
    await error(page).waitFor();
    expect(await error(page).getAttribute('data-kind')).toBe('permission');
    expect(await error(page).getByRole('button', { name: 'Open provider settings' }).count()).toBe(1);
  });

  it('an error inside the stream says the provider\'s sentence once', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Half an answer'), openai.errorFrame('The model crashed unexpectedly.')]));
    await send(page, 'Hello');
    await error(page).waitFor();
    expect(await error(page).getAttribute('data-kind')).toBe('provider_error');
    const text = (await error(page).textContent()) ?? '';
    expect(text.split('The model crashed unexpectedly').length - 1).toBe(1);
    expect(await error(page).getByRole('button', { name: 'Open provider settings' }).count()).toBe(0);
  });

  it('a stall before any text does not claim text was kept', async () => {
    const { page, fake } = await apps.withOpenAI({ idleTimeoutMs: 700 });
    fake.nextReply(streamReply([openai.roleChunk(), stall()]));
    await send(page, 'Hello');
    await error(page).waitFor();
    expect(await error(page).getAttribute('data-kind')).toBe('stalled');
    const text = (await error(page).textContent()) ?? '';
    expect(text).toMatch(/before any text arrived/);
    expect(text).not.toMatch(/text so far is kept/);
    await fake.waitForDisconnect();
  });
});
