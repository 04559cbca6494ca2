// The composer: grows with its text up to 40% of the window and then scrolls, keeps a draft per
// conversation (across reloads), sends with the chosen key, and has focus whenever a chat opens.
import { describe, expect, it } from 'vitest';
import { send } from './support/app';
import { perTestApp } from './support/per-test';
import { openConversation, waitForReply } from './support/screens';

const apps = perTestApp();
const focusedLabel = (page: import('playwright').Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

describe('composer', () => {
  it('grows with its text up to 40% of the window, then scrolls', async () => {
    const { page } = await apps.withOpenAI();
    const box = page.getByRole('textbox', { name: 'Message' });
    const empty = await box.evaluate((el) => el.clientHeight);
    await box.fill(Array.from({ length: 14 }, (_, i) => `line ${i}`).join('\n'));
    const fourteen = await box.evaluate((el) => el.clientHeight);
    expect(fourteen).toBeGreaterThan(empty * 5);
    await box.fill(Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n'));
    const { height, scrolls, limit } = await box.evaluate((el) => ({ height: el.getBoundingClientRect().height, scrolls: el.scrollHeight > el.clientHeight, limit: window.innerHeight * 0.4 }));
    expect(height).toBeLessThanOrEqual(limit + 1);
    expect(scrolls).toBe(true);
  });

  it('keeps a draft per conversation, across a reload, and never carries it into another conversation', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyText('Noted.');
    await send(page, 'Conversation A');
    await waitForReply(page);
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('half-written for A');
    await page.keyboard.press('Control+n');
    await expect.poll(() => box.inputValue()).toBe('');
    expect(await focusedLabel(page)).toBe('Message');
    await box.fill('idea for a new chat');
    await openConversation(page, /Conversation A/);
    await expect.poll(() => box.inputValue()).toBe('half-written for A');
    await page.reload();
    await expect.poll(() => box.inputValue()).toBe('idea for a new chat');
    await expect.poll(() => focusedLabel(page)).toBe('Message');
    await openConversation(page, /Conversation A/);
    await expect.poll(() => box.inputValue()).toBe('half-written for A');
    // Sending clears only this conversation's draft.
    fake.replyText('Done.');
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('message-user').count()).toBe(2);
    expect(await box.inputValue()).toBe('');
    await page.keyboard.press('Control+n');
    await expect.poll(() => box.inputValue()).toBe('idea for a new chat');
  });

  it('Ctrl+Enter can be chosen as the send key; Enter then adds a line', async () => {
    const { page, fake } = await apps.withOpenAI();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Send a message with').selectOption('mod-enter');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // Saving is a round trip to main; leaving before it lands would ask about unsaved changes.
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByRole('button', { name: 'Back to chat' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('first line');
    await box.press('Enter');
    await box.pressSequentially('second line');
    expect(await box.inputValue()).toBe('first line\nsecond line');
    expect(await page.getByTestId('message-user').count()).toBe(0);
    fake.replyText('Got both lines.');
    await box.press('Control+Enter');
    await expect.poll(() => page.getByTestId('message-user').textContent()).toContain('second line');
    await waitForReply(page);
    const chat = fake.requests.filter((r) => r.method === 'POST').at(-1);
    expect((chat?.body as { messages: { content: string }[] }).messages.at(-1)?.content).toBe('first line\nsecond line');
  });
});
