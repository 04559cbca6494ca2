// The key is write-only from the window's side, and main talks only to the providers the user
// configured. A canary key is used for real, then looked for everywhere it must never be.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openai, startFakeAnthropic, startFakeOpenAI } from '../support/fake-providers';
import { addProvider, closeBrowser, lastReply, modelButton, send, startApp } from './support/app';

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of running.splice(0).reverse()) await thing.close();
});
afterAll(closeBrowser);

/** Everything that crossed the contract, recorded from the page's side. */
function recordTraffic(page: Page) {
  const fromMain: string[] = [];
  const toMain: string[] = [];
  const pending: Promise<unknown>[] = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/rpc/')) return;
    pending.push(response.text().then((body) => fromMain.push(body), () => undefined));
    toMain.push(response.request().postData() ?? '');
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => fromMain.push(String(payload)));
    socket.on('framesent', ({ payload }) => toMain.push(String(payload)));
  });
  return { fromMain, toMain, settled: () => Promise.all(pending) };
}

/** The markup and every form value, which `content()` does not include for typed text. */
async function screenText(page: Page): Promise<string> {
  const values = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value),
  );
  return `${await page.content()}\n${values.join('\n')}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('privacy', () => {
  it('a canary key never reaches the window, the data files or the logs', async () => {
    const canary = `sk-CANARY-${randomBytes(12).toString('hex')}`;
    const fake = await startFakeOpenAI();
    running.push(fake);
    fake.setModels(['gpt-e2e']);
    const a = await startApp();
    running.push(a);
    const { page } = a;
    const traffic = recordTraffic(page);
    const screens: string[] = [];

    // A provider that echoes the key in its error, as some do: the message must not carry it.
    fake.nextModelsReply(openai.httpError(401, { message: `Incorrect API key provided: ${canary}.` }));
    await page.getByLabel('Base URL', { exact: true }).fill(fake.baseURL);
    await page.getByLabel('API key', { exact: true }).fill(canary);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toMatch(/rejected the API key/);
    await page.getByLabel('API key', { exact: true }).fill('');
    await addProvider(page, { baseURL: fake.baseURL, apiKey: canary, model: 'gpt-e2e' });
    screens.push(await screenText(page));

    fake.replyText('A reply.');
    await send(page, 'Hello');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    // The key was really used: a test that never sent it could not find it leaking either.
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${canary}`);
    screens.push(await screenText(page));

    await page.getByRole('button', { name: 'Providers' }).click();
    screens.push(await screenText(page));
    await page.getByRole('button', { name: 'Edit OpenAI' }).click();
    await page.getByRole('button', { name: 'Test connection' }).click(); // with the stored key
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toMatch(/Connected/);
    screens.push(await screenText(page));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Back to chat' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    screens.push(await screenText(page));
    await page.reload();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    screens.push(await screenText(page));
    await traffic.settled();

    for (const [index, screen] of screens.entries()) expect(screen.includes(canary), `screen ${index}`).toBe(false);
    expect(traffic.fromMain.length).toBeGreaterThan(10);
    expect(traffic.fromMain.filter((body) => body.includes(canary))).toEqual([]);
    // Into main it goes exactly twice, both write-only: the Test connection of the unsaved form
    // and the save. Seeing those proves the recorder sees bodies at all.
    const inbound = traffic.toMain.filter((body) => body.includes(canary));
    expect(inbound).toHaveLength(2);
    const files = filesUnder(a.dataDir).filter((path) => !path.endsWith('keys.vault.json'));
    expect(files.length).toBeGreaterThan(2);
    for (const path of files) expect(readFileSync(path).includes(canary), path).toBe(false);
    expect(readFileSync(join(a.dataDir, 'keys.vault.json')).includes(canary)).toBe(false); // ciphertext, not clear text
    expect(a.logs.filter((line) => line.includes(canary))).toEqual([]);
  });

  it('main contacts only the configured provider hosts, and the page no host but Plume', async () => {
    const openaiFake = await startFakeOpenAI();
    const anthropicFake = await startFakeAnthropic();
    running.push(openaiFake, anthropicFake);
    openaiFake.setModels(['gpt-e2e']);
    anthropicFake.setModels(['claude-e2e']);
    const a = await startApp();
    running.push(a);
    const { page } = a;
    await addProvider(page, { baseURL: openaiFake.baseURL, apiKey: 'sk-hosts-0123456789', model: 'gpt-e2e' });
    await send(page, 'One');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    await page.getByRole('button', { name: 'Providers' }).click();
    await page.getByRole('button', { name: 'Add provider' }).click();
    await addProvider(page, { kind: 'anthropic', name: 'Claude', baseURL: anthropicFake.baseURL, apiKey: 'sk-ant-hosts-0123456789', model: 'claude-e2e' });
    await modelButton(page).click();
    await page.getByRole('button', { name: 'Refresh the model lists' }).click();
    await page.getByRole('option', { name: /claude-e2e/ }).first().waitFor();
    await page.keyboard.press('Escape');
    await send(page, 'Two');
    await expect.poll(() => page.getByTestId('message-assistant').count()).toBe(2);
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');

    const origins = new Set(a.outgoingRequests.map((request) => new URL(request.url).origin));
    expect(origins).toEqual(new Set([new URL(openaiFake.baseURL).origin, new URL(anthropicFake.baseURL).origin]));
    // Both chats and the model lists went through the observed fetch.
    expect(a.outgoingRequests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(a.outgoingRequests.some((r) => r.method === 'GET' && r.url.startsWith(anthropicFake.baseURL))).toBe(true);
    expect(a.foreignRequests).toEqual([]);
  });
});
