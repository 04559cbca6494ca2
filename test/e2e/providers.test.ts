// Providers, keys and first run, end to end in browser mode: Chromium → host → real services →
// real SDKs → fake provider servers on 127.0.0.1 standing in for hosted and local ones.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openai, startFakeOpenAI, type FakeOpenAI } from '../support/fake-providers';
import { addProvider, chooseModel, closeBrowser, freePort, fromMoreMenu, lastReply, type RunningApp, send, shownModel, startApp } from './support/app';

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of running.splice(0).reverse()) await thing.close();
});
afterAll(closeBrowser);

async function fake(models: string[] = ['gpt-e2e']): Promise<FakeOpenAI> {
  const server = await startFakeOpenAI();
  server.setModels(models);
  running.push(server);
  return server;
}

async function app(options: Parameters<typeof startApp>[0] = {}): Promise<RunningApp> {
  const started = await startApp(options);
  running.push(started);
  return started;
}

const complete = (a: RunningApp) => expect.poll(() => lastReply(a.page).getAttribute('data-state')).toBe('complete');

describe('first run', () => {
  it('finds a local server on loopback and starts an offline chat in one click', async () => {
    const local = await fake(['qwen3:4b', 'llama3.2']);
    const port = Number(new URL(local.baseURL).port);
    const a = await app({ localProbes: [{ presetId: 'ollama', port }] });
    await a.page.getByRole('button', { name: 'Use local models (Ollama)' }).click();
    await a.page.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(await shownModel(a.page)).toBe('qwen3:4b');
    local.replyText('Answered on this machine.');
    await send(a.page, 'Hello offline');
    await complete(a);
    expect(await lastReply(a.page).locator('.message-text').textContent()).toBe('Answered on this machine.');
    expect(local.requests.at(-1)?.body).toMatchObject({ model: 'qwen3:4b' });
    // Nothing but the loopback server was contacted by main, and the page contacted nothing.
    expect(new Set(a.outgoingRequests.map((r) => new URL(r.url).origin))).toEqual(new Set([new URL(local.baseURL).origin]));
    expect(a.foreignRequests).toEqual([]);
  });

  it('offers only the key form when no local server answers', async () => {
    const silentPort = await freePort();
    const a = await app({ localProbes: [{ presetId: 'lmstudio', port: silentPort }] });
    await a.page.getByRole('button', { name: 'Save provider' }).waitFor();
    await expect.poll(() => a.page.getByText('Looking for local model servers').count()).toBe(0);
    expect(await a.page.getByRole('button', { name: /Use local models/ }).count()).toBe(0);
  });
});

describe('providers screen', () => {
  it('a preset fills kind and base URL and says whether a key is needed', async () => {
    const a = await app();
    const { page } = a;
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Groq' });
    expect(await page.getByLabel('Base URL', { exact: true }).inputValue()).toBe('https://api.groq.com/openai/v1');
    expect(await page.getByLabel('Kind', { exact: true }).inputValue()).toBe('openai');
    expect(await page.getByTestId('preset-hint').textContent()).toMatch(/Needs an API key/);
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Anthropic' });
    expect(await page.getByLabel('Kind', { exact: true }).inputValue()).toBe('anthropic');
    expect(await page.getByLabel('Base URL', { exact: true }).inputValue()).toBe('https://api.anthropic.com');
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'LM Studio' });
    expect(await page.getByTestId('preset-hint').textContent()).toMatch(/no key needed/);
    expect(await page.getByLabel('Extra headers').count()).toBe(0);
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Custom (OpenAI-compatible)' });
    expect(await page.getByLabel('Extra headers').count()).toBe(1);
  });

  it('adds a provider through a preset, with the fetched model list to pick from, and chats with it', async () => {
    const server = await fake(['model-b', 'model-a']);
    const a = await app();
    const { page } = a;
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Custom (OpenAI-compatible)' });
    await page.getByLabel('Base URL', { exact: true }).fill(server.baseURL);
    await page.getByLabel('API key', { exact: true }).fill('sk-preset-0123456789');
    await page.getByLabel('Extra headers').fill('X-Team: plume-e2e');
    await page.getByRole('button', { name: 'Load models' }).click();
    // One control: the Model field becomes the list, with the first listed model already chosen.
    const listed = page.getByRole('combobox', { name: 'Model', exact: true });
    await expect.poll(() => listed.locator('option').allTextContents()).toEqual(['model-a', 'model-b', 'Another id (type it)…']);
    expect(await listed.inputValue()).toBe('model-a');
    await listed.selectOption('model-b');
    await page.getByRole('button', { name: 'Save provider' }).click();
    server.replyText('Hi from model b.');
    await send(page, 'Hi');
    await complete(a);
    const request = server.requests.at(-1);
    expect(request?.body).toMatchObject({ model: 'model-b' });
    expect(request?.headers['x-team']).toBe('plume-e2e');
    expect(request?.headers.authorization).toBe('Bearer sk-preset-0123456789');
  });

  it('refuses a malformed base URL and an empty model with a clear message, saving nothing', async () => {
    const a = await app();
    const { page } = a;
    await page.getByLabel('Base URL', { exact: true }).fill('api.example.com/v1');
    await page.getByLabel('Model', { exact: true }).fill('m');
    await page.getByRole('button', { name: 'Save provider' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/must start with http:\/\/ or https:\/\//);
    await page.getByLabel('Base URL', { exact: true }).fill('https://api.example.com/v1');
    await page.getByLabel('Model', { exact: true }).fill('   ');
    await page.getByRole('button', { name: 'Save provider' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Choose a model, or type its id/);
    await page.reload();
    await page.getByRole('button', { name: 'Save provider' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
  });

  it('trims a pasted key with a notice and shows only its hint afterwards', async () => {
    const server = await fake();
    const a = await app();
    await addProvider(a.page, { baseURL: server.baseURL, apiKey: '  sk-trim-0123456789abcd\n', model: 'gpt-e2e' });
    await expect.poll(() => a.page.getByRole('status').first().textContent()).toMatch(/Removed spaces and line breaks from the key/);
    await a.page.getByRole('button', { name: 'Providers' }).click();
    expect(await a.page.locator('.provider-row').textContent()).toContain('key …abcd');
    await a.page.getByRole('button', { name: 'Edit OpenAI' }).click();
    expect(await a.page.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    expect(await a.page.getByLabel('API key', { exact: true }).getAttribute('placeholder')).toContain('…abcd');
  });

  const failures = [
    { what: 'a bad key (401)', reply: openai.httpError(401), words: /rejected the API key \(401\)/ },
    { what: 'no permission (403)', reply: openai.httpError(403), words: /not allowed to do that .* \(403\)/ },
    { what: 'a rate limit (429)', reply: openai.httpError(429, { retryAfterSec: 20 }), words: /rate limiting this key\. Try again in 20 s/ },
    { what: 'a provider error (500)', reply: openai.httpError(500), words: /is having trouble \(500\)/ },
  ];
  for (const failure of failures) {
    it(`Test connection explains ${failure.what} in plain words`, async () => {
      const server = await fake();
      server.nextModelsReply(failure.reply);
      const a = await app();
      await a.page.getByLabel('Base URL', { exact: true }).fill(server.baseURL);
      await a.page.getByLabel('API key', { exact: true }).fill('sk-test-0123456789');
      await a.page.getByRole('button', { name: 'Test connection' }).click();
      await expect.poll(() => a.page.getByTestId('connection-status').textContent()).toMatch(failure.words);
      expect(await a.page.getByTestId('connection-status').getAttribute('role')).toBe('alert');
    });
  }

  it('Test connection explains an unreachable port, then a working one with its model count', async () => {
    const deadPort = await freePort();
    const server = await fake(['a', 'b', 'c']);
    const a = await app();
    await a.page.getByLabel('Base URL', { exact: true }).fill(`http://127.0.0.1:${deadPort}/v1`);
    await a.page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => a.page.getByTestId('connection-status').textContent()).toMatch(/nothing is listening there/);
    await a.page.getByLabel('Base URL', { exact: true }).fill(server.baseURL);
    await a.page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => a.page.getByTestId('connection-status').textContent()).toBe('Connected. 3 models available.');
  });

  it('Test connection warns when the chosen model is not one the provider lists', async () => {
    const server = await fake(['gpt-real', 'gpt-other']);
    const a = await app();
    await a.page.getByLabel('Base URL', { exact: true }).fill(server.baseURL);
    await a.page.getByLabel('Model', { exact: true }).fill('gpt-typo');
    await a.page.getByRole('button', { name: 'Test connection' }).click();
    const status = a.page.getByTestId('connection-status');
    await expect.poll(() => status.textContent()).toMatch(/^Connected\. 2 models available, but “gpt-typo” is not one of them/);
    expect(await status.getAttribute('role')).toBe('alert');
    // The typed id stays in view to be corrected.
    expect(await a.page.getByLabel('Model', { exact: true }).inputValue()).toBe('gpt-typo');
  });
});

describe('in the chat', () => {
  it('switching the model mid-conversation sends the next reply to the new model, and the chat remembers it', async () => {
    const server = await fake(['model-one', 'model-two']);
    const a = await app();
    const { page } = a;
    await addProvider(page, { baseURL: server.baseURL, model: 'model-one' });
    await send(page, 'First');
    await complete(a);
    expect(server.requests.at(-1)?.body).toMatchObject({ model: 'model-one' });
    await chooseModel(page, 'model-two');
    await send(page, 'Second');
    await expect.poll(() => page.getByTestId('message-assistant').count()).toBe(2);
    await complete(a);
    const last = server.requests.at(-1);
    expect(last?.body).toMatchObject({ model: 'model-two' });
    expect((last?.body as { messages: unknown[] }).messages).toHaveLength(3);
    // A new chat starts from the provider's model; reopening the first one brings its model back.
    await page.getByRole('button', { name: 'New chat' }).first().click(); // the sidebar's button, before any untitled row
    await expect.poll(() => shownModel(page)).toBe('model-one');
    await page.getByRole('button', { name: 'First', exact: true }).click();
    await expect.poll(() => shownModel(page)).toBe('model-two');
  });

  it('chat options reach the provider: system prompt, temperature, max tokens, reasoning effort', async () => {
    const server = await fake();
    const a = await app();
    const { page } = a;
    await addProvider(page, { baseURL: server.baseURL, model: 'gpt-e2e' });
    await fromMoreMenu(page, 'Chat options');
    await page.getByLabel('System prompt').fill('Answer like a pirate.');
    await page.getByLabel('Temperature').fill('0.3');
    await page.getByLabel('Max output tokens').fill('256');
    await page.getByLabel('Reasoning effort').selectOption('low');
    await send(page, 'Ahoy');
    await complete(a);
    const body = server.requests.at(-1)?.body as Record<string, unknown>;
    expect(body).toMatchObject({ temperature: 0.3, reasoning_effort: 'low', messages: [{ role: 'system', content: 'Answer like a pirate.' }, { role: 'user', content: 'Ahoy' }] });
    expect(body.max_completion_tokens ?? body.max_tokens).toBe(256);
    await page.getByLabel('Temperature').fill('7');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Temperature goes from 0 to 2/);
  });

  it('a chat keeps its system prompt across a reload, and a new chat starts without one', async () => {
    const server = await fake();
    const a = await app();
    const { page } = a;
    await addProvider(page, { baseURL: server.baseURL, model: 'gpt-e2e' });
    await fromMoreMenu(page, 'Chat options');
    await page.getByLabel('System prompt').fill('Answer in French.');
    await send(page, 'Bonjour');
    await complete(a);
    // Changed later, while the chat is open: remembered without another message.
    await page.getByLabel('System prompt').fill('Answer in Italian.');
    const stored = () =>
      page.evaluate(async () => {
        // The page's own token, as the bridge sends it (browser mode keeps it in sessionStorage).
        const headers = { 'Content-Type': 'application/json', 'X-Plume-Token': sessionStorage.getItem('plume-token') ?? '' };
        const res = await fetch('/rpc/conversations:list', { method: 'POST', headers, body: '{}' });
        return ((await res.json()) as { value: { items: Array<{ systemPrompt: string }> } }).value.items[0]?.systemPrompt;
      });
    await expect.poll(stored).toBe('Answer in Italian.');
    await page.reload();
    await page.getByRole('button', { name: 'Bonjour', exact: true }).click();
    await fromMoreMenu(page, 'Chat options');
    await expect.poll(() => page.getByLabel('System prompt').inputValue()).toBe('Answer in Italian.');
    await send(page, 'Ciao');
    await complete(a);
    await expect.poll(() => page.getByTestId('message-assistant').count()).toBe(2);
    expect((server.requests.at(-1)?.body as { messages: unknown[] }).messages[0]).toEqual({ role: 'system', content: 'Answer in Italian.' });
    await page.getByRole('button', { name: 'New chat' }).first().click(); // the sidebar's button, before any untitled row
    await expect.poll(() => page.getByLabel('System prompt').inputValue()).toBe('');
  });

  it('shows a cost estimate from the editable price table', async () => {
    const server = await fake();
    const a = await app();
    const { page } = a;
    await addProvider(page, { baseURL: server.baseURL, model: 'priced-model' });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Add price row' }).click();
    const rows = page.locator('.price-table tbody tr');
    const row = rows.last();
    await row.getByRole('textbox').nth(0).fill('priced-model');
    await row.getByRole('textbox').nth(1).fill('1000');
    await row.getByRole('textbox').nth(2).fill('2000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByRole('button', { name: 'Back to chat' }).click();
    server.replyText('Priced.', { tokens: 4 });
    await send(page, 'How much?');
    await complete(a);
    // The fake reports 12 input and 4 output tokens: 12 × $1000/M + 4 × $2000/M = $0.020.
    await expect.poll(() => page.getByTestId('reply-stats').textContent()).toMatch(/12 in \/ 4 out · ≈ \$0\.02$/);
  });

  it('refuses a nonsense idle timeout and keeps the old one', async () => {
    const a = await app();
    const server = await fake();
    await addProvider(a.page, { baseURL: server.baseURL, model: 'gpt-e2e' });
    await a.page.getByRole('button', { name: 'Settings' }).click();
    const idle = a.page.getByLabel('Stop a reply after this many seconds without data');
    await idle.fill('2');
    await a.page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => a.page.getByRole('alert').textContent()).toMatch(/between 5 and 900 seconds/);
    await a.page.reload();
    await a.page.getByRole('button', { name: 'Settings' }).click();
    expect(await idle.inputValue()).toBe('60');
  });
});

describe('settings screen', () => {
  it('says how keys are protected in browser mode and shows the versions; no desktop-only switches', async () => {
    const server = await fake();
    const a = await app();
    await addProvider(a.page, { baseURL: server.baseURL, apiKey: 'sk-settings-0123456789', model: 'gpt-e2e' });
    await a.page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => a.page.getByTestId('vault-note').textContent()).toMatch(/AES-256-GCM.*vault\.key.*readable only by you/);
    expect(await a.page.getByTestId('versions').textContent()).toMatch(/browser mode.*node \d+/);
    expect(await a.page.getByRole('checkbox', { name: /Notify me/ }).count()).toBe(0);
    expect(await a.page.getByRole('checkbox', { name: /without a keyring/ }).count()).toBe(0);
  });
});

