// Conversations end to end: stored history, branches, search, delete/Undo, export and import,
// and a reply cut off by a reload coming back as interrupted.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { stall, streamReply } from '../support/fake-providers/steps';
import * as openai from '../support/fake-providers/openai-wire';
import { addProvider, exportFrom, lastReply, type RunningApp, send } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();
const ready = () => apps.withOpenAI({ apiKey: 'sk-conv-0123456789' });

const settled = (page: RunningApp['page']) =>
  expect.poll(() => lastReply(page).getAttribute('data-state')).toMatch(/complete|stopped|error|interrupted/);
const replyText = async (page: RunningApp['page']) => (await lastReply(page).locator('.message-text').textContent())?.trim();

describe('conversations in browser mode', () => {
  it('keeps history across a reload, titled from the first message, and sends it back to the model', async () => {
    const { page, fake } = await ready();
    fake.replyText('Paris is the capital of France.');
    await send(page, 'What is the capital of France?');
    await settled(page);
    await page.reload();
    const entry = page.getByRole('button', { name: 'What is the capital of France?' });
    await entry.click();
    expect(await replyText(page)).toBe('Paris is the capital of France.');
    await expect.poll(() => lastReply(page).getByTestId('reply-stats').textContent()).toMatch(/TTFT \d+ ms/);
    fake.replyText('About 2.1 million people.');
    await send(page, 'And its population?');
    await settled(page);
    expect(fake.requests.at(-1)?.body).toMatchObject({
      messages: [
        { role: 'user', content: 'What is the capital of France?' },
        { role: 'assistant', content: 'Paris is the capital of France.' },
        { role: 'user', content: 'And its population?' },
      ],
    });
  });

  it('Edit and Regenerate make versions you can switch between with ‹ ›', async () => {
    const { page, fake } = await ready();
    fake.replyText('First answer.');
    await send(page, 'Original question');
    await settled(page);

    fake.replyText('Second answer.');
    await lastReply(page).getByRole('button', { name: 'Regenerate this reply' }).click();
    await expect.poll(() => replyText(page)).toBe('Second answer.');
    await settled(page);
    await expect.poll(() => lastReply(page).getByTestId('branch-position').textContent()).toBe('2/2');
    await lastReply(page).getByRole('button', { name: 'Previous version' }).click();
    await expect.poll(() => replyText(page)).toBe('First answer.');

    fake.replyText('Answer to the edit.');
    await page.getByTestId('message-user').getByRole('button', { name: 'Edit this message' }).click();
    await page.getByRole('textbox', { name: 'Edit message' }).fill('Edited question');
    await page.getByRole('button', { name: 'Save and send' }).click();
    await expect.poll(() => replyText(page)).toBe('Answer to the edit.');
    await settled(page);
    const user = page.getByTestId('message-user');
    await expect.poll(() => user.getByTestId('branch-position').textContent()).toBe('2/2');
    expect(fake.requests.at(-1)?.body).toMatchObject({ messages: [{ role: 'user', content: 'Edited question' }] });
    await user.getByRole('button', { name: 'Previous version' }).click();
    await expect.poll(() => user.locator('.message-text').textContent()).toBe('Original question');
    // The original branch remembers the reply that was active on it.
    await expect.poll(() => replyText(page)).toBe('First answer.');
  });

  it('Ctrl+K finds a message in another conversation and opens it there', async () => {
    const { page, fake } = await ready();
    fake.replyText('The walrus likes cold water.');
    await send(page, 'Tell me about walruses');
    await settled(page);
    await page.getByRole('button', { name: 'New chat' }).first().click();
    fake.replyText('Bananas are berries.');
    await send(page, 'A fruit fact please');
    await settled(page);

    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search conversations' }).fill('walrus');
    const result = page.getByRole('dialog').getByRole('option').filter({ hasText: 'cold water' });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator('mark').first().textContent()).toMatch(/^walrus/i);
    await result.click();
    await expect.poll(() => page.locator('.message.found').textContent()).toMatch(/The walrus likes cold water/);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('deleting a conversation can be undone', async () => {
    const { page, fake } = await ready();
    fake.replyText('Kept.');
    await send(page, 'Please keep me');
    await settled(page);
    await page.getByRole('button', { name: 'Delete Please keep me' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Please keep me' }).count()).toBe(0);
    // The toast's Undo (the row's own slot offers another, see sidebar.test.ts).
    await page.getByRole('status').getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Please keep me', exact: true }).count()).toBe(1);
    // It was the open conversation: Undo opens it again.
    await expect.poll(() => page.getByTestId('message-user').locator('.message-text').textContent()).toBe('Please keep me');
  });

  it('exports a conversation as JSON that imports into a fresh app, and refuses a broken file', async () => {
    const { page, fake } = await ready();
    fake.replyText('A reply worth keeping.');
    await send(page, 'Export me');
    await settled(page);
    const download = page.waitForEvent('download');
    await exportFrom(page, 'chat', 'JSON (lossless)');
    const file = await (await download).path();
    const json = await readFile(file, 'utf8');
    expect(json).toContain('A reply worth keeping.');
    expect(json).not.toContain('sk-conv-0123456789');

    const markdown = page.waitForEvent('download');
    await exportFrom(page, 'chat', 'Markdown');
    expect(await readFile(await (await markdown).path(), 'utf8')).toMatch(/Export me[\s\S]*A reply worth keeping\./);

    // A second, empty app imports the file and shows the same conversation.
    const other = await apps.start();
    await addProvider(other.page, { baseURL: fake.baseURL, model: 'gpt-e2e' });
    await other.page.getByLabel('Import conversations file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"not": "an export"') });
    await expect.poll(() => other.page.getByRole('status').first().textContent()).toMatch(/Nothing was imported/);
    await other.page.getByLabel('Import conversations file').setInputFiles(file);
    await expect.poll(() => other.page.getByRole('status').first().textContent()).toMatch(/Imported 1 conversation/);
    await other.page.getByRole('button', { name: 'Export me' }).click();
    expect((await other.page.getByTestId('message-assistant').last().locator('.message-text').textContent())?.trim()).toBe('A reply worth keeping.');
  });

  it('a reply cut off by a reload comes back marked interrupted with its text, and Retry answers again', async () => {
    const { page, fake } = await ready();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Half of the answer'), stall()]));
    await send(page, 'Long question');
    await expect.poll(() => replyText(page)).toBe('Half of the answer');
    await page.reload();
    await fake.waitForDisconnect();
    await page.getByRole('button', { name: 'Long question' }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('interrupted');
    expect(await replyText(page)).toBe('Half of the answer');
    fake.replyText('The whole answer.');
    await lastReply(page).getByRole('button', { name: 'Retry this reply' }).click();
    await expect.poll(() => replyText(page)).toBe('The whole answer.');
  });
});
