// Exports checked by what they contain, the JSON round trip, and the HTML file opened in a
// real Chromium with hostile model text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAll, exportConversation } from '../../../src/main/store/export/index.ts';
import { importFile } from '../../../src/main/store/import/index.ts';
import { readSnapshot } from '../../../src/main/store/snapshot.ts';
import { openStore, type Store } from '../../../src/main/store/store.ts';
import { DONE, exchange, tempDir, tempStore } from '../../support/store/temp-store.ts';

const HOSTILE = 'Here you go: <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> & done';
const CODE = 'Try this:\n\n```python\ndef greet(name):\n    return f"<b>{name}</b>"\n```\n\nThen call `greet("x")`.';
const CANARY = 'sk-CANARY-0123456789abcdef';

let t: ReturnType<typeof tempStore>;
let store: Store;
let convId: string;
beforeEach(() => {
  // Keys live in provider settings and the environment, never in the store; plant both.
  process.env.OPENAI_API_KEY = CANARY;
  t = tempStore();
  store = t.store;
  writeFileSync(join(t.dir.dir, 'settings.json'), JSON.stringify({ providers: { openai: { apiKey: CANARY } } }));
  const c = store.conversations.create({ title: 'Greeting <functions>', providerId: 'openai', model: 'gpt-test' });
  convId = c.id;
  const first = exchange(store, c.id, 'Write a greeting function', CODE, 'The user wants Python.\nKeep it short.');
  store.messages.regenerate(first.replyId, { providerId: 'openai', model: 'gpt-test' }).finish(DONE, 'An older, hidden alternative');
  store.messages.switchSibling(first.replyId, 0);
  store.messages.appendUser(c.id, 'Now say something dangerous');
  const cp = store.messages.beginAssistant(c.id, { providerId: 'openai', model: 'gpt-test' });
  cp.finish({ state: 'stopped', stats: { usage: {}, estimated: true } }, HOSTILE);
});
afterEach(() => {
  delete process.env.OPENAI_API_KEY;
  t.done();
});

describe('Markdown export', () => {
  it('has a metadata header, the shown branch, reasoning folded in <details>, and outcome notes', () => {
    const names = (id: string) => (id === 'openai' ? 'OpenAI (work)' : undefined);
    const file = exportConversation(store, convId, 'markdown', Date.UTC(2026, 0, 2, 3, 4), { providerName: names });
    expect(file).toMatchObject({ filename: 'greeting-functions.md', mimeType: 'text/markdown' });
    const md = file.content;
    expect(md.startsWith('# Greeting <functions>\n\n- Created: ')).toBe(true);
    // The provider's name as the user set it, never its internal id.
    expect(md).toContain('- Model: OpenAI (work) · gpt-test');
    expect(md).toContain('- Exported from Plume: 2026-01-02 03:04 UTC');
    expect(md).toContain('- Shows the selected branch; 1 message on other branches are in the JSON export.');
    expect(md).toMatch(/### You\n\n<sub>\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/sub>\n\nWrite a greeting function/);
    expect(md).toMatch(/### Assistant\n\n<sub>OpenAI \(work\) · gpt-test · [^<]+<\/sub>\n\n<details>\n<summary>Reasoning<\/summary>\n\nThe user wants Python.\nKeep it short.\n\n<\/details>\n\nTry this:/);
    expect(md).toContain('```python\ndef greet(name):');
    expect(md).toContain('> Stopped before the end.');
    expect(md).not.toContain('An older, hidden alternative');
    expect(md).not.toContain(CANARY);
  });
});

describe('JSON export', () => {
  it('round-trips the whole tree into an empty store', () => {
    const before = readSnapshot(store.db, convId)!;
    const file = exportConversation(store, convId, 'json');
    expect(JSON.parse(file.content)).toMatchObject({ format: 'plume.conversations', version: 1 });
    expect(file.content).toContain('An older, hidden alternative');
    expect(file.content).not.toContain(CANARY);

    const other = tempDir();
    const fresh = openStore(other.dbPath);
    try {
      expect(importFile(fresh, file.content)).toEqual({ format: 'plume', imported: 1, skipped: 0, messages: 5 });
      expect(readSnapshot(fresh.db, convId)).toEqual(before);
      expect(fresh.messages.activePath(convId)).toEqual(store.messages.activePath(convId));
      expect(importFile(fresh, file.content)).toMatchObject({ imported: 0, skipped: 1 });
    } finally {
      fresh.close();
      other.cleanup();
    }
  });

  it('exports all live conversations but not those waiting for Undo', () => {
    const gone = store.conversations.create({ title: 'Deleted one' });
    store.conversations.softDelete(gone.id);
    const all = JSON.parse(exportAll(store, 'json').content) as { conversations: Array<{ title: string }> };
    expect(all.conversations.map((c) => c.title)).toEqual(['Greeting <functions>']);
  });
});

describe('HTML export', () => {
  it('escapes model text and highlights code at export time', () => {
    const html = exportConversation(store, convId, 'html').content;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#x3C;script>window.__pwned = 1&#x3C;/script>');
    expect(html).toContain('<title>Greeting &#60;functions&#62;</title>');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('<code>greet("x")</code>');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<link|src="http|href="http/);
    expect(html).not.toContain(CANARY);
  });

  it('opens in Chromium with zero scripts, shows the markup as text, and prints to PDF', { timeout: 60_000 }, async () => {
    const file = exportConversation(store, convId, 'html');
    const path = join(t.dir.dir, file.filename);
    writeFileSync(path, file.content);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(path).href);
      const seen = await page.evaluate(() => ({
        scripts: document.scripts.length,
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        images: document.images.length,
        text: document.body.innerText,
        keywords: document.querySelectorAll('.hljs-keyword').length,
        reasoningFolded: !(document.querySelector('details.reasoning') as HTMLDetailsElement | null)?.open,
        messages: document.querySelectorAll('section.message').length,
      }));
      expect(seen).toMatchObject({ scripts: 0, pwned: null, images: 0, reasoningFolded: true, messages: 4 });
      expect(seen.keywords).toBeGreaterThan(0);
      expect(seen.text).toContain('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> & done');
      expect(dialogs).toEqual([]);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser.close();
    }
  });
});

describe('exports never read keys', () => {
  it('export and import modules import nothing outside the store and shared types', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const root = new URL('../../../src/main/store/', import.meta.url);
    const files = ['export', 'import'].flatMap((d) => readdirSync(new URL(`${d}/`, root)).map((f) => new URL(`${d}/${f}`, root)));
    const imports = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!));
    // The markdown pipeline and highlight.js render; node:fs reads KaTeX's stylesheet and fonts;
    // node:worker_threads reads import files off the main thread; node:sqlite is the import's own
    // WAL checkpointer connection to the same history file (keys are never in it).
    const rendering = ['highlight.js', 'highlight.js/lib/common', 'hast', 'hast-util-to-html', 'rehype-katex', 'remark-parse', 'remark-rehype', 'unified'];
    const outside = imports.filter((i) => !i.startsWith('./') && !i.startsWith('../') && ![...rendering, 'node:crypto', 'node:fs', 'node:module', 'node:path', 'node:sqlite', 'node:worker_threads'].includes(i));
    expect(outside).toEqual([]);
    // shared/settings is the price table (cost in message headers); keys are never in it.
    expect(imports.filter((i) => /settings|provider|key/i.test(i) && !i.includes('provider-events') && !i.endsWith('shared/settings.ts') && !i.endsWith('shared/settings'))).toEqual([]);
  });
});
