// Claude's adaptive thinking and effort in Chat options, for a model that takes them.
import { describe, expect, it } from 'vitest';
import { startFakeAnthropic } from '../support/fake-providers';
import { addProvider, fromMoreMenu, lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';
import { screenshotAll } from './support/screenshots';

const apps = perTestApp();

describe('Anthropic options', () => {
  it('adaptive thinking and effort are offered for Claude Opus 4.6 and reach the request', async () => {
    const fake = apps.track(await startFakeAnthropic());
    const { page } = await apps.start();
    await addProvider(page, { kind: 'anthropic', baseURL: fake.baseURL, apiKey: 'sk-ant-e2e-0123456789', model: 'claude-opus-4-6' });
    await fromMoreMenu(page, 'Chat options');
    await page.getByLabel('Adaptive thinking').check();
    await page.getByLabel('Effort', { exact: true }).selectOption('high');
    expect(await page.getByLabel('Thinking budget (tokens)').isDisabled()).toBe(true);
    await screenshotAll(page, 'anthropic-options');
    await send(page, 'Think about it');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    expect(fake.requests.at(-1)?.body).toMatchObject({ model: 'claude-opus-4-6', thinking: { type: 'adaptive' }, output_config: { effort: 'high' } });
  });

  it('an older Claude model is not offered them', async () => {
    const fake = apps.track(await startFakeAnthropic());
    const { page } = await apps.start();
    await addProvider(page, { kind: 'anthropic', baseURL: fake.baseURL, apiKey: 'sk-ant-e2e-0123456789', model: 'claude-haiku-4-5' });
    await fromMoreMenu(page, 'Chat options');
    await page.getByLabel('Thinking budget (tokens)').waitFor();
    expect(await page.getByLabel('Adaptive thinking').count()).toBe(0);
    expect(await page.getByLabel('Effort', { exact: true }).count()).toBe(0);
  });
});
