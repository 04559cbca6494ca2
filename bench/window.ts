// npm run bench:window — what a person waits for in the real window (browser mode, Chromium):
// opening a 2,000-message conversation (the timing the e2e test used to assert) and displaying a
// stored reply that is one unbroken 1 MB word. Baselines from the same run: opening a
// 20-message conversation (opened in turn with the long one, so both see the same load), and
// laying the 1 MB word out as one wrapped paragraph (the old way). Also the host's answer to an
// open: the newest messages the window paints first, against the whole path it used to send.
// Writes bench/results/window.json.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { openStore } from '../src/main/store/store.ts';
import { addProvider, closeBrowser, startApp } from '../test/e2e/support/app.ts';
import { startFakeOpenAI } from '../test/support/fake-providers/index.ts';
import { report } from './support/report.ts';

const root = join(import.meta.dirname, '..');
if (process.env.PLUME_SKIP_BUILD !== '1') spawnSync('electron-vite', ['build'], { cwd: root, stdio: 'inherit' });

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const TOKEN = Array.from({ length: 1_000_000 }, (_, i) => ALPHABET[(i * 7919 + (i >> 7)) % 64]).join('');

function seed(dataDir: string): void {
  const store = openStore(join(dataDir, 'plume.db'));
  const add = (title: string, pairs: number, answer: (i: number) => string) => {
    const c = store.conversations.create({ title });
    for (let i = 0; i < pairs; i++) {
      store.messages.appendUser(c.id, `Question ${i}: how does step ${i} work?`);
      store.messages.beginAssistant(c.id, { providerId: null, model: 'bench' }).finish({ state: 'complete', finish: 'stop', stats: { usage: {}, estimated: true } }, answer(i), '');
    }
  };
  const markdown = (i: number) => `## Step ${i}\n\nIt works like this, with **emphasis** and \`code\`:\n\n- first point about ${i}\n- second point\n\n\`\`\`js\nconst step = ${i};\n\`\`\`\n\nAnswer ${i} ends here.`;
  add('Long', 1_000, markdown);
  add('Short', 10, markdown);
  add('Token', 1, () => TOKEN);
  store.close();
}

// In-page code is passed as text: tsx would wrap a function's inner functions in a helper
// (`__name`) that does not exist in the page.
const OPEN_AND_WAIT = `(({ title, done }) => new Promise((resolve) => {
  const entry = Array.from(document.querySelectorAll('.conversation-title')).find((b) => b.textContent === title);
  const start = performance.now();
  entry?.click();
  const check = () => {
    const replies = document.querySelectorAll('[data-testid=message-assistant]');
    const shown = replies[replies.length - 1]?.querySelector('.message-text')?.textContent ?? '';
    const ready = done.text ? shown.includes(done.text) : shown.length === done.length;
    if (ready) requestAnimationFrame(() => resolve(performance.now() - start));
    else requestAnimationFrame(check);
  };
  check();
}))`;

const LAYOUT_ONE_PARAGRAPH = `((text) => {
  const p = document.createElement('p');
  p.style.cssText = 'white-space: pre-wrap; overflow-wrap: anywhere; width: 700px';
  p.textContent = text;
  const start = performance.now();
  document.body.append(p);
  void p.getBoundingClientRect().height;
  const ms = performance.now() - start;
  p.remove();
  return ms;
})`;

/** Click in the sidebar to the frame after the last reply holds `done` (measured in the page). */
function openTime(page: Page, title: string, done: { text?: string; length?: number }): Promise<number> {
  return page.evaluate(`${OPEN_AND_WAIT}(${JSON.stringify({ title, done })})`) as Promise<number>;
}

const middle = (runs: number[]) => [...runs].sort((a, b) => a - b)[runs.length >> 1] as number;

/** Medians of `times` opens of each conversation, taken in turn so that a load spike hits both. */
async function medians(page: Page, opens: Array<{ title: string; done: { text?: string; length?: number } }>, times: number): Promise<number[]> {
  const runs = opens.map(() => [] as number[]);
  for (let i = 0; i < times; i++) {
    for (const [at, { title, done }] of opens.entries()) {
      await page.getByRole('button', { name: 'New chat' }).first().click();
      runs[at]!.push(await openTime(page, title, done));
    }
  }
  return runs.map(middle);
}

/** Main's work for an open, from a second connection: the newest page against the whole path. */
function hostAnswer(dataDir: string): { newest: number; whole: number } {
  const store = openStore(join(dataDir, 'plume.db'));
  try {
    const id = store.conversations.list({ limit: 10, after: null }).items.find((c) => c.title === 'Long')!.id;
    const time = (read: () => unknown) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        JSON.stringify(read());
        runs.push(performance.now() - start);
      }
      return middle(runs);
    };
    return { newest: time(() => store.messages.activePathTail(id, 60)), whole: time(() => store.messages.activePath(id)) };
  } finally {
    store.close();
  }
}

const fake = await startFakeOpenAI();
const app = await startApp();
try {
  // A provider, so the window shows the chat (not the first-run screen).
  await addProvider(app.page, { baseURL: fake.baseURL, apiKey: 'sk-bench-0123456789', model: 'bench' });
  seed(app.dataDir);
  await app.page.reload();
  await app.page.getByRole('button', { name: 'Long', exact: true }).waitFor();
  const [long, short] = (await medians(app.page, [{ title: 'Long', done: { text: 'Answer 999 ends here.' } }, { title: 'Short', done: { text: 'Answer 9 ends here.' } }], 5)) as [number, number];
  const [token] = (await medians(app.page, [{ title: 'Token', done: { length: TOKEN.length } }], 3)) as [number];
  const host = hostAnswer(app.dataDir);
  // The old way: the same word as one paragraph that wraps anywhere, laid out once.
  const oneParagraph = (await app.page.evaluate(`${LAYOUT_ONE_PARAGRAPH}(${JSON.stringify(TOKEN)})`)) as number;
  report('window', [
    { name: 'open_2000_messages_first_screen', value: long, unit: 'ms', target: '< 100', pass: long < 100, baseline: short },
    { name: 'open_2000_host_answer_newest_60', value: host.newest, unit: 'ms', baseline: host.whole },
    { name: 'display_1mb_unbroken_word', value: token, unit: 'ms', target: '< 1000', pass: token < 1000, baseline: oneParagraph },
  ], {
    note: 'medians of 5 opens (3 for the word); baselines: a 20-message conversation opened in turn with the long one, the whole 2,000-message path read and serialized (what an open sent before), and the 1 MB word laid out as one wrapped paragraph',
  });
} finally {
  await app.close();
  await closeBrowser();
  await fake.close();
}
