// A 2,000-message conversation opens at its newest message, and older messages are still there
// when the reader scrolls up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportConversation } from '../../src/main/store/export/index';
import { openStore } from '../../src/main/store/store';
import { startFakeOpenAI } from '../support/fake-providers';
import { addProvider, lastReply } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();
const MESSAGES = 2_000;

/** A Plume JSON export of one conversation with `MESSAGES` messages of ordinary markdown. */
function longConversationFile(): Buffer {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'plume-long-')), 'plume.db'));
  const conversation = store.conversations.create({ title: 'The long one' });
  for (let i = 0; i < MESSAGES / 2; i++) {
    store.messages.appendUser(conversation.id, `Question ${i}: how does step ${i} work?`);
    const reply = store.messages.beginAssistant(conversation.id, { providerId: null, model: 'gpt-e2e' });
    const text = `## Step ${i}\n\nIt works like this, with **emphasis** and \`code\`:\n\n- first point about ${i}\n- second point\n\n\`\`\`js\nconst step = ${i};\n\`\`\`\n\nAnswer ${i} ends here.`;
    reply.finish({ state: 'complete', finish: 'stop', stats: { usage: {}, estimated: true } }, text, '');
  }
  const file = exportConversation(store, conversation.id, 'json');
  store.close();
  return Buffer.from(file.content);
}

describe('long conversations', () => {
  it(`opens ${MESSAGES.toLocaleString('en')} messages, newest in view, oldest reachable by scrolling`, { timeout: 300_000 }, async () => {
    const fake = apps.track(await startFakeOpenAI());
    const { page } = await apps.start();
    // A model whose context window Plume knows, so the meter under the message box shows.
    await addProvider(page, { baseURL: fake.baseURL, apiKey: 'sk-e2e-0123456789', model: 'gpt-4o' });
    await page.getByLabel('Import conversations file').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: longConversationFile() });
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 60_000 }).toMatch(/Imported 1 conversation/);

    // Opening it shows the newest message (how fast is measured by `npm run bench:window`, not here:
    // a timed assertion fails on a loaded machine for no fault a user would see).
    // The older messages are held back for a moment: the meter must not count only the newest
    // ones (a fraction of the conversation) meanwhile.
    let releaseOlder!: () => void;
    const olderHeld = new Promise<void>((resolve) => (releaseOlder = resolve));
    await page.route('**/rpc/messages%3Aolder', async (route) => {
      await olderHeld;
      await route.continue();
    });
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await page.getByRole('button', { name: 'The long one', exact: true }).click();
    await expect.poll(() => lastReply(page).textContent(), { timeout: 30_000 }).toContain('Answer 999 ends here.');
    const meter = page.getByTestId('context-meter');
    await expect.poll(() => meter.textContent()).toMatch(/^Counting… of 128k tokens/);
    releaseOlder();
    // Every message counted: about 2,000 × 100 characters, far more than the newest 60 hold.
    await expect.poll(async () => Number((await meter.textContent())?.match(/^~(\d+)k of 128k/)?.[1] ?? 0), { timeout: 60_000 }).toBeGreaterThan(40);

    // Scrolling to the top reaches the very first message.
    const list = page.getByRole('log', { name: 'Conversation' });
    await expect
      .poll(async () => {
        await list.evaluate((el) => el.scrollTo({ top: 0 }));
        return page.getByText('Question 0: how does step 0 work?').count();
      }, { timeout: 150_000 })
      .toBe(1);
  });
});
