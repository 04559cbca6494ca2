// A reply belongs to its conversation, not to the screen: leaving it (another conversation,
// Settings, the provider screen) never stops it, several stream at once from their own servers,
// Stop acts on the conversation on screen only, and closing the window aborts them all.
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../support/fake-providers';
import * as openai from '../support/fake-providers/openai-wire';
import { gate, stall, streamReply } from '../support/fake-providers/steps';
import { openStore } from '../../src/main/store/store';
import { addProvider, lastReply, modelButton, send } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();

// Markdown drops a paragraph's trailing spaces, so the parts below end in none while streaming.
const replyText = async (page: Page) => (await lastReply(page).locator('.message-text').textContent()) ?? '';
const replyState = (page: Page) => lastReply(page).getAttribute('data-state');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const entry = (page: Page, title: string) => sidebar(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: title, exact: true }) });
const mark = (page: Page, title: string, name: 'Replying' | 'New reply' | 'Reply failed') => entry(page, title).getByRole('img', { name });
const marks = (page: Page, title: string) => entry(page, title).locator('.reply-mark').count();
const openConversation = (page: Page, title: string) => sidebar(page).getByRole('button', { name: title, exact: true }).click();

/** Picks the provider for the chat on screen by its name (the default one has a suffix). */
async function chooseProvider(page: Page, name: string): Promise<void> {
  // The header's model picker lists every provider's models, each named "<model>, <provider>".
  await modelButton(page).click();
  await page.getByRole('option', { name: new RegExp(`, ${name}$`) }).first().click();
}

/** An app with two providers, First and Second, each on its own fake server. */
async function twoProviders() {
  const first = apps.track(await startFakeOpenAI());
  const second = apps.track(await startFakeOpenAI());
  const { page } = await apps.start();
  await addProvider(page, { name: 'First', baseURL: first.baseURL, apiKey: 'sk-first-0123456789', model: 'model-one' });
  await page.getByRole('button', { name: 'Providers' }).click();
  await page.getByRole('button', { name: 'Add provider' }).click();
  await addProvider(page, { name: 'Second', baseURL: second.baseURL, apiKey: 'sk-second-0123456789', model: 'model-two' });
  return { page, first, second };
}

/** "Question A" to First, then "Question B" to Second in a new chat, each shown streaming. */
async function startBoth(page: Page, firstText: string, secondText: string): Promise<void> {
  await chooseProvider(page, 'First');
  await send(page, 'Question A');
  await expect.poll(() => replyText(page)).toBe(firstText);
  await page.getByRole('button', { name: 'New chat' }).first().click(); // the sidebar's button, before any untitled row
  await chooseProvider(page, 'Second');
  await send(page, 'Question B');
  await expect.poll(() => replyText(page)).toBe(secondText);
}

/** A streamed reply of `parts`, pausing at a gate after each part but the last. */
function gatedReply(parts: string[]) {
  const gates = parts.slice(1).map(() => gate());
  const steps = [openai.roleChunk(), ...parts.flatMap((part, i) => [openai.textChunk(part), ...(gates[i] ? [gates[i].step] : [])]), openai.finishChunk('stop'), openai.done()];
  return { reply: streamReply(steps), gates };
}

/** Samples, once per frame, which conversation is on screen and its last reply's text. */
async function startSampling(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { samples: Array<{ active: string; text: string | null }>; sampling: boolean };
    w.samples = [];
    w.sampling = true;
    const sample = () => {
      const active = document.querySelector('[aria-current=page]')?.textContent ?? '';
      const replies = document.querySelectorAll('[data-testid=message-assistant]');
      const last = replies[replies.length - 1];
      w.samples.push({ active, text: last ? (last.querySelector('.message-text')?.textContent ?? '') : null });
      if (w.sampling) requestAnimationFrame(sample);
    };
    sample();
  });
}

async function stopSampling(page: Page): Promise<Array<{ active: string; text: string | null }>> {
  return page.evaluate(() => {
    const w = window as unknown as { samples: Array<{ active: string; text: string | null }>; sampling: boolean };
    w.sampling = false;
    return w.samples;
  });
}

describe('replies that keep going in browser mode', () => {
  it('a reply survives three trips away (another conversation, Settings, Providers) and comes back where it is, byte for byte', async () => {
    const { app, page, fake } = await apps.withOpenAI();
    fake.replyText('Short answer.');
    await send(page, 'Warm up');
    await expect.poll(() => replyState(page)).toBe('complete');

    const parts = ['Première partie 🎉', ' zweiter Teil 日本語', ' third part, naïve café', ' and the end ✓.'];
    const { reply, gates } = gatedReply(parts);
    fake.nextReply(reply);
    await page.getByRole('button', { name: 'New chat' }).first().click(); // the sidebar's button, before any untitled row
    await send(page, 'Long question');
    await expect.poll(() => replyText(page)).toBe(parts[0]);
    // The new conversation is titled in the sidebar while its first reply streams.
    await expect.poll(() => mark(page, 'Long question', 'Replying').count()).toBe(1);

    const leaveAndReturn = async (leave: () => Promise<void>, back: () => Promise<void>, released: number) => {
      const before = await replyText(page);
      await leave();
      gates[released]?.open();
      // The provider's next part lands in main's history while the user is elsewhere.
      const expected = parts.slice(0, released + 2).join('');
      await expect.poll(() => storedReply(app.dataDir, 'Long question')).toContain(parts[released + 1]!.trim());
      await startSampling(page);
      await back();
      await expect.poll(() => replyText(page)).toBe(expected);
      const samples = await stopSampling(page);
      // No frame showed the reply empty or older than when the user left.
      for (const s of samples.filter((s) => s.active === 'Long question')) expect(s.text?.startsWith(before)).toBe(true);
    };

    await leaveAndReturn(() => openConversation(page, 'Warm up'), () => openConversation(page, 'Long question'), 0);
    expect(await replyState(page)).toBe('streaming');
    await leaveAndReturn(
      () => page.getByRole('button', { name: 'Settings' }).click(),
      () => page.getByRole('button', { name: 'Back to chat' }).click(),
      1,
    );
    expect(await replyState(page)).toBe('streaming');
    await leaveAndReturn(
      () => page.getByRole('button', { name: 'Providers' }).click(),
      () => page.getByRole('button', { name: 'Back to chat' }).click(),
      2,
    );
    await expect.poll(() => replyState(page)).toBe('complete');
    expect(await replyText(page)).toBe(parts.join(''));
    expect(fake.requests.at(-1)?.clientDisconnected).toBe(false);
    expect(await marks(page, 'Long question')).toBe(0);

    // After a restart (a fresh connection to the same database), history holds the same bytes.
    expect(await storedReply(app.dataDir, 'Long question')).toBe(parts.join(''));
  });

  it('two conversations stream at once from two servers; each completes byte-exact; Stop in one leaves the other running', async () => {
    const { page, first, second } = await twoProviders();

    const a = gatedReply(['Alpha one,', ' alpha two 🐢.']);
    const b = gatedReply(['Beta one,', ' beta two 🐇.']);
    first.nextReply(a.reply);
    second.nextReply(b.reply);
    await startBoth(page, 'Alpha one,', 'Beta one,');
    await expect.poll(() => mark(page, 'Question A', 'Replying').count()).toBe(1);
    await expect.poll(() => mark(page, 'Question B', 'Replying').count()).toBe(1);

    // A finishes while B is on screen: A is marked until it is opened.
    a.gates[0]!.open();
    await expect.poll(() => mark(page, 'Question A', 'New reply').count()).toBe(1);
    b.gates[0]!.open();
    await expect.poll(() => replyState(page)).toBe('complete');
    expect(await replyText(page)).toBe('Beta one, beta two 🐇.');
    expect(await marks(page, 'Question B')).toBe(0);
    await openConversation(page, 'Question A');
    await expect.poll(() => replyText(page)).toBe('Alpha one, alpha two 🐢.');
    await expect.poll(() => marks(page, 'Question A')).toBe(0);
    expect(first.requests.at(-1)?.clientDisconnected).toBe(false);
    expect(second.requests.at(-1)?.clientDisconnected).toBe(false);

    // Both again; Stop on B's screen stops B only.
    const a2 = gatedReply(['A keeps going,', ' to its very end.']);
    first.nextReply(a2.reply);
    second.nextReply(streamReply([openai.roleChunk(), openai.textChunk('B will be stopped'), stall()]));
    await send(page, 'More A');
    await expect.poll(() => replyText(page)).toBe('A keeps going,');
    await openConversation(page, 'Question B');
    await send(page, 'More B');
    await expect.poll(() => replyText(page)).toBe('B will be stopped');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await second.waitForDisconnect();
    await expect.poll(() => replyState(page)).toBe('stopped');
    expect(await mark(page, 'Question A', 'Replying').count()).toBe(1);
    expect(first.requests.at(-1)?.clientDisconnected).toBe(false);
    a2.gates[0]!.open();
    await expect.poll(() => mark(page, 'Question A', 'New reply').count()).toBe(1);
    await openConversation(page, 'Question A');
    await expect.poll(() => replyText(page)).toBe('A keeps going, to its very end.');
    expect(first.requests.at(-1)?.clientDisconnected).toBe(false);
  });

  it('Esc stops the reply on screen only; the one in the background goes on', async () => {
    const { page, fake } = await apps.withOpenAI();
    const background = gatedReply(['In the background,', ' still going.']);
    fake.nextReply(background.reply, streamReply([openai.roleChunk(), openai.textChunk('On screen'), stall()]));
    await send(page, 'Behind');
    await expect.poll(() => replyText(page)).toBe('In the background,');
    await page.getByRole('button', { name: 'New chat' }).first().click(); // the sidebar's button, before any untitled row
    await send(page, 'In front');
    await expect.poll(() => replyText(page)).toBe('On screen');
    await page.keyboard.press('Escape');
    await expect.poll(() => replyState(page)).toBe('stopped');
    // The provider form listed models first: the replies are the POSTs.
    const [behind, inFront] = fake.requests.filter((r) => r.method === 'POST');
    await inFront!.disconnected;
    expect(behind!.clientDisconnected).toBe(false);
    expect(await mark(page, 'Behind', 'Replying').count()).toBe(1);
    background.gates[0]!.open();
    await expect.poll(() => mark(page, 'Behind', 'New reply').count()).toBe(1);
    await openConversation(page, 'Behind');
    await expect.poll(() => replyText(page)).toBe('In the background, still going.');
  });

  it('a second message in a conversation that is still answering is refused, and the first reply goes on', async () => {
    const { page, fake } = await apps.withOpenAI();
    const { reply, gates } = gatedReply(['Still', ' answering.']);
    fake.nextReply(reply);
    await send(page, 'First');
    await expect.poll(() => replyText(page)).toBe('Still');
    await send(page, 'Second while busy');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/still answering/);
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('Second while busy');
    gates[0]!.open();
    await expect.poll(() => replyState(page)).toBe('complete');
    expect(await replyText(page)).toBe('Still answering.');
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a reply that fails while the user is elsewhere is marked as failed until opened', async () => {
    const { page, fake } = await apps.withOpenAI();
    fake.replyText('Fine.');
    await send(page, 'Other');
    await expect.poll(() => replyState(page)).toBe('complete');
    const failing = gate();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Half'), failing.step, openai.errorFrame('The model fell over.', 'server_error')]));
    await page.getByRole('button', { name: 'New chat' }).first().click(); // the sidebar's button, before any untitled row
    await send(page, 'Doomed');
    await expect.poll(() => replyText(page)).toBe('Half');
    await openConversation(page, 'Other');
    failing.open();
    await expect.poll(() => mark(page, 'Doomed', 'Reply failed').count()).toBe(1);
    await openConversation(page, 'Doomed');
    await expect.poll(() => marks(page, 'Doomed')).toBe(0);
    expect(await replyState(page)).toBe('error');
    expect(await replyText(page)).toBe('Half');
  });

  it('reloading the window aborts every reply, on screen or not, and keeps their partial text', async () => {
    const { page, first, second } = await twoProviders();
    first.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Partial A'), stall()]));
    second.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Partial B'), stall()]));
    await startBoth(page, 'Partial A', 'Partial B');

    await page.reload();
    await Promise.all([first.waitForDisconnect(), second.waitForDisconnect()]);
    expect(first.requests.at(-1)?.clientDisconnected).toBe(true);
    expect(second.requests.at(-1)?.clientDisconnected).toBe(true);
    for (const [title, text] of [['Question A', 'Partial A'], ['Question B', 'Partial B']] as const) {
      await openConversation(page, title);
      await expect.poll(() => replyState(page)).toBe('interrupted');
      expect(await replyText(page)).toBe(text);
      expect(await marks(page, title)).toBe(0);
    }
  });
});

/** The last reply of a conversation as main has saved it, read through a connection of its own. */
function storedReply(dataDir: string, title: string): string | undefined {
  const store = openStore(join(dataDir, 'plume.db'));
  try {
    const conversation = store.conversations.list({ limit: 50 }).items.find((c) => c.title === title);
    return conversation ? store.messages.activePath(conversation.id).at(-1)?.text : undefined;
  } finally {
    store.close();
  }
}
