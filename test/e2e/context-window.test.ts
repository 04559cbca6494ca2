// The context meter under the message box, and the warning before a message that would not fit.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../support/fake-providers';
import * as openai from '../support/fake-providers/openai-wire';
import { addProvider, lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';
import { screenshotAll } from './support/screenshots';

const apps = perTestApp();

/** Ollama's native model info in front of a fake Chat Completions server. */
async function ollamaStandIn(chatBaseURL: string, loadedContext: number) {
  const server = createServer((req, res) => {
    if (req.url === '/api/show' || req.url === '/api/ps') {
      req.resume();
      const body = req.url === '/api/show' ? { model_info: { 'llama.context_length': 131072 } } : { models: [{ name: 'llama3.2:latest', context_length: loadedContext }] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    // Everything else goes to the fake Chat Completions server, as Ollama's /v1 would answer it.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const upstream = await fetch(`${chatBaseURL}${req.url!.replace(/^\/v1/, '')}`, { method: req.method, headers: { 'content-type': 'application/json' }, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('the context window', () => {
  it('shows how much of the window the chat uses, and warns before a message that would not fit', async () => {
    const fake = apps.track(await startFakeOpenAI());
    const { page } = await apps.start();
    // gpt-4: 8k in the family table (the fake's model list says nothing about it).
    await addProvider(page, { baseURL: fake.baseURL, apiKey: 'sk-e2e-0123456789', model: 'gpt-4-0613' });
    fake.replyText('Short answer.', { usage: { prompt: 1500, completion: 500 } });
    await send(page, 'Hello');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    const meter = page.getByTestId('context-meter');
    await expect.poll(() => meter.textContent()).toMatch(/~2k of 8k tokens \(typical for this model\)/);

    await page.getByRole('textbox', { name: 'Message' }).fill('x'.repeat(600_000));
    const warning = page.getByTestId('context-warning');
    await expect.poll(() => warning.textContent()).toMatch(/would not fit.*Start a new chat, remove attachments, or pick a model with a larger context window/);
    await screenshotAll(page, 'context-overflow');
    await page.getByRole('textbox', { name: 'Message' }).fill('A short question');
    await expect.poll(() => warning.count()).toBe(0);
  });

  it('Ollama: the context the model is loaded with counts, and going past it is explained', async () => {
    const fake = apps.track(await startFakeOpenAI());
    const ollama = apps.track(await ollamaStandIn(fake.baseURL, 4096));
    const { page } = await apps.start();
    await addProvider(page, { preset: 'Ollama', baseURL: ollama.baseURL, model: 'llama3.2' });
    fake.nextReply(
      openai.textStream('A long answer.', { usage: { prompt: 3000, completion: 1800 } }),
    );
    await send(page, 'Tell me everything');
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    await expect.poll(() => page.getByTestId('context-meter').textContent()).toMatch(/~5k of 4k tokens/);
    expect(await page.getByTestId('context-warning').textContent()).toMatch(/Ollama has llama3\.2 loaded with a 4k-token context.*silently dropped.*num_ctx/);
    await screenshotAll(page, 'context-ollama');
  });
});
