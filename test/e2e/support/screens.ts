// Every main screen and dialog of the window, reached the way a person would (by role and name),
// shared by the layout checks, the accessibility audit and `npm run screenshots`.
import type { Page } from 'playwright';
import type { FakeOpenAI } from '../../support/fake-providers';
import { fromMoreMenu, lastReply, nextFrames, send } from './app';

export interface Screen {
  name: string;
  /** Reached from a freshly loaded chat window with the seeded conversations. */
  open(page: Page): Promise<void>;
}

export const SEED_REPLY = [
  'Here is a comparison of the **providers** you asked about:',
  '',
  '| Provider | Context window | Streaming | Notes |',
  '| --- | --- | --- | --- |',
  '| OpenAI | 128,000 tokens | yes | Reasoning effort for o-series models |',
  '| Anthropic | 200,000 tokens | yes | Extended thinking with a token budget |',
  '| Ollama | depends on the model | yes | Runs on this computer |',
  '',
  '```ts',
  'export function greet(name: string): string {',
  '  return `Hello, ${name}!`;',
  '}',
  '```',
  '',
  'The area of a circle is $A = \\pi r^2$.',
].join('\n');

/** Two conversations with a table, code and math, sent through the real window. */
export async function seedConversations(page: Page, fake: FakeOpenAI): Promise<void> {
  fake.setModels(['gpt-e2e', 'gpt-e2e-mini', 'fake-vision-large']);
  fake.replyText('Sure, a short answer.');
  await send(page, 'A first short question');
  await waitForReply(page);
  await page.getByRole('button', { name: 'New chat' }).first().click();
  fake.replyText(SEED_REPLY);
  await send(page, 'Compare the providers in a table, with some code and a formula');
  await waitForReply(page);
}

/** Until the newest reply has finished (it fails loudly after a minute, rather than going on mid-stream). */
export async function waitForReply(page: Page): Promise<void> {
  await lastReply(page).waitFor();
  await page.waitForFunction(
    () => {
      const state = [...document.querySelectorAll('[data-testid="message-assistant"]')].at(-1)?.getAttribute('data-state');
      return Boolean(state) && state !== 'streaming';
    },
    null,
    { timeout: 60_000 },
  );
}

/** Opens the conversation sidebar if the window is too narrow to show it docked. */
export async function showSidebar(page: Page): Promise<void> {
  // The toggle's name follows the sidebar's state, which can change under a resize (a wide
  // window docks it open): look again instead of waiting on a button that was just renamed.
  // A resize reaches the layout only at the next rendering step (media-query listeners run
  // there): judging before it saw a docked sidebar at a width about to hide it.
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  for (let i = 0; i < 100; i++) {
    await nextFrames(page);
    if (await nav.isVisible()) {
      await nextFrames(page);
      if (await nav.isVisible()) return;
    }
    const toggle = page.getByRole('button', { name: 'Show conversations' });
    if (await toggle.isVisible()) await toggle.click({ timeout: 2_000 }).catch(() => undefined);
    else await page.waitForTimeout(100);
  }
  await nav.waitFor();
}

export async function openConversation(page: Page, title: RegExp): Promise<void> {
  await showSidebar(page);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: title }).first().click();
  await lastReply(page).waitFor();
}

const LATEST = /Compare the providers/;

export const SCREENS: Screen[] = [
  { name: 'chat', open: (page) => openConversation(page, LATEST) },
  { name: 'new-chat', open: async () => undefined },
  { name: 'sidebar', open: showSidebar },
  {
    name: 'model-picker',
    open: async (page) => {
      await openConversation(page, LATEST);
      await page.getByRole('button', { name: /^Model:/ }).click();
      await page.getByRole('option').first().waitFor();
    },
  },
  {
    name: 'overflow-menu',
    open: async (page) => {
      await openConversation(page, LATEST);
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menu').waitFor();
    },
  },
  {
    name: 'export-dialog',
    open: async (page) => {
      await openConversation(page, LATEST);
      await fromMoreMenu(page, 'Export chat…');
      const dialog = page.getByRole('dialog', { name: 'Export this chat' });
      // HTML: the format with the most options.
      await dialog.getByRole('radio', { name: 'HTML' }).check();
      await dialog.getByRole('checkbox', { name: 'Speed, tokens and cost' }).waitFor();
    },
  },
  {
    name: 'chat-options',
    open: async (page) => {
      await openConversation(page, LATEST);
      await fromMoreMenu(page, 'Chat options');
      await page.getByRole('region', { name: 'Options for this chat' }).waitFor();
    },
  },
  {
    name: 'search',
    open: async (page) => {
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: 'Search conversations' }).fill('providers');
      await page.getByRole('dialog').getByRole('option').first().waitFor();
    },
  },
  {
    name: 'attachment-preview',
    open: async (page) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Attach files' }).click();
      await (await chooser).setFiles([{ name: 'notes.py', mimeType: 'text/x-python', buffer: Buffer.from('def hello():\n    print("hi")\n') }]);
      await page.getByRole('button', { name: 'Preview notes.py' }).click();
      await page.getByRole('dialog', { name: 'Preview of notes.py' }).getByLabel('Text of notes.py').waitFor();
    },
  },
  {
    name: 'command-palette',
    open: async (page) => {
      await page.keyboard.press('Control+Shift+P');
      await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    },
  },
  {
    name: 'providers',
    open: async (page) => {
      await fromMoreMenu(page, 'Providers');
      await page.getByRole('heading', { name: 'Providers' }).waitFor();
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await fromMoreMenu(page, 'Settings');
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
    },
  },
  {
    name: 'settings-default-model',
    open: async (page) => {
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'Settings' }).click();
      await page.getByRole('button', { name: /^Default model:/ }).click();
      await page.getByRole('combobox', { name: 'Search models' }).waitFor();
    },
  },
  {
    name: 'settings-unsaved',
    open: async (page) => {
      await fromMoreMenu(page, 'Settings');
      await page.getByLabel('Default system prompt').fill('Be brief.');
      await page.getByRole('button', { name: 'Back to chat' }).click();
      await page.getByRole('dialog', { name: 'Save your changes?' }).waitFor();
    },
  },
  {
    name: 'remove-provider',
    open: async (page) => {
      await fromMoreMenu(page, 'Providers');
      await page.getByRole('button', { name: /^Remove / }).first().click();
      await page.getByRole('dialog', { name: /^Remove / }).waitFor();
    },
  },
];

/** Back to a freshly loaded chat window (new chat, nothing open). */
export async function resetWindow(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
}
