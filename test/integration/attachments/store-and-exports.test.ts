// Attachments in the SQLite store (one blob per content, released with the last message that
// uses it, an upgrade from schema 4) and in the exports: Plume JSON carries the bytes and comes
// back identical, Markdown and HTML embed them so the file reads offline.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { checkUploads } from '../../../src/main/attachments/check.ts';
import { exportConversation } from '../../../src/main/store/export/index.ts';
import { importFile } from '../../../src/main/store/import/index.ts';
import { MIGRATIONS } from '../../../src/main/store/schema.ts';
import { openStore, type Store } from '../../../src/main/store/store.ts';
import { b64, makePdf, makePng } from '../../support/attachments/files.ts';
import { tempDir, tempStore } from '../../support/store/temp-store.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function fresh(): Store {
  const t = tempStore();
  cleanups.push(() => t.done());
  return t.store;
}

const png = makePng(64, 48);
const thumbnail = `data:image/png;base64,${b64(makePng(8, 6))}`;

/** A user message with files and a reply, written the way a send writes them. */
function sendWithFiles(store: Store, conversationId: string, text: string, files: Array<{ name: string; data: string; thumbnail?: string }>) {
  const user = store.messages.appendUser(conversationId, text);
  store.attachments.add(user.id, checkUploads(files));
  store.messages.beginAssistant(conversationId, { providerId: 'p', model: 'm' }).finish({ state: 'complete', stats: { usage: {}, estimated: true } }, 'Seen.');
  return user;
}

describe('attachment store', () => {
  it('keeps one blob per content and frees it with the last message that uses it', () => {
    const store = fresh();
    const a = store.conversations.create({ providerId: 'p', model: 'm' });
    const b = store.conversations.create({ providerId: 'p', model: 'm' });
    const first = sendWithFiles(store, a.id, 'one', [{ name: 'a.png', data: b64(png) }]);
    sendWithFiles(store, b.id, 'two', [{ name: 'same-bytes-other-name.png', data: b64(png) }]);
    expect(store.attachments.blobCount()).toBe(1);
    expect(store.messages.activePath(b.id)[0]?.attachments?.[0]?.name).toBe('same-bytes-other-name.png');

    store.messages.deleteBranch(first.id);
    expect(store.attachments.blobCount()).toBe(1); // conversation b still uses it
    store.db.prepare('DELETE FROM conversations WHERE id = ?').run(b.id);
    expect(store.attachments.blobCount()).toBe(0);
  });

  it('upgrades a schema 4 file in place, its conversations untouched', () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const old = openStore(dir.dbPath, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    const c = old.conversations.create({ providerId: 'p', model: 'm' });
    // Written as SQL: today's repositories expect today's columns.
    old.db.prepare("INSERT INTO messages (id, conversation_id, role, text, created_at, updated_at) VALUES ('m1', ?, 'user', 'before attachments existed', 1, 1)").run(c.id);
    old.db.prepare("UPDATE conversations SET active_root_id = 'm1' WHERE id = ?").run(c.id);
    old.close();
    const store = openStore(dir.dbPath);
    cleanups.push(() => store.close());
    expect(store.opened).toMatchObject({ fromVersion: 4, toVersion: MIGRATIONS.at(-1)?.version });
    expect(store.messages.activePath(c.id).map((m) => [m.text, m.attachments])).toEqual([['before attachments existed', undefined]]);
    sendWithFiles(store, c.id, 'now with a file', [{ name: 'a.png', data: b64(png) }]);
    expect(store.attachments.blobCount()).toBe(1);
  });
});

describe('exports with attachments', () => {
  function conversationWithFiles() {
    const store = fresh();
    const c = store.conversations.create({ title: 'Files', providerId: 'p', model: 'm' });
    sendWithFiles(store, c.id, 'Look at these', [
      { name: 'chart.png', data: b64(png), thumbnail },
      { name: 'notes.md', data: Buffer.from('# Notes\n<b>not html</b>\n').toString('base64') },
      { name: 'report.pdf', data: b64(makePdf()) },
    ]);
    return { store, id: c.id };
  }

  it('Plume JSON embeds the bytes and imports back to the same files, thumbnail included', () => {
    const { store, id } = conversationWithFiles();
    const file = exportConversation(store, id, 'json');
    const doc = JSON.parse(file.content);
    expect(doc.version).toBe(2);
    expect(doc.conversations[0].messages[0].attachments[0]).toMatchObject({ name: 'chart.png', kind: 'image', mimeType: 'image/png', data: b64(png), thumbnail });

    const target = fresh();
    expect(importFile(target, file.content)).toMatchObject({ format: 'plume', imported: 1 });
    const before = store.messages.activePath(id)[0]?.attachments;
    const after = target.messages.activePath(id)[0]?.attachments;
    expect(after).toEqual(before);
    expect(after?.map((a) => a.kind)).toEqual(['image', 'text', 'pdf']);
    const userId = target.messages.activePath(id)[0]?.id ?? '';
    expect(target.attachments.forModel(userId)[0]?.data).toBe(b64(png));
  });

  it('a Plume JSON file whose bytes were changed is refused, naming the place', () => {
    const { store, id } = conversationWithFiles();
    const doc = JSON.parse(exportConversation(store, id, 'json').content);
    doc.conversations[0].messages[0].attachments[0].data = b64(makePng(2, 2));
    expect(() => importFile(fresh(), JSON.stringify(doc))).toThrow(/conversations\[0\]\.messages\[0\]\.attachments\[0\]\.sha256 does not match the attached bytes/);
    doc.conversations[0].messages[0].attachments[0] = { name: 'x.exe', data: b64(Buffer.from([0x4d, 0x5a, 0, 0, 1])) };
    expect(() => importFile(fresh(), JSON.stringify(doc))).toThrow(/attachments\[0\] is not a file Plume can keep: “x\.exe” is not a supported file/);
  });

  it('Markdown embeds the image as a data: URL and inlines the text file', () => {
    const { store, id } = conversationWithFiles();
    const md = exportConversation(store, id, 'markdown').content;
    expect(md).toContain(`![chart.png](data:image/png;base64,${b64(png)})`);
    expect(md).toContain('File: notes.md\n```md\n# Notes\n<b>not html</b>\n```');
    expect(md).toMatch(/Attached PDF: \[report\.pdf\]\(data:application\/pdf;base64,[A-Za-z0-9+/=]+\) \(\d+ B\)/);
    expect(md).toContain('Look at these');
  });

  it('HTML shows the image offline in Chromium, escapes the text file, and runs no script', async () => {
    const { store, id } = conversationWithFiles();
    const html = exportConversation(store, id, 'html').content;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;b&#62;not html&#60;/b&#62;');
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const path = join(dir.dir, 'export.html');
    writeFileSync(path, html);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      const page = await browser.newPage();
      const external: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) external.push(r.url());
      });
      await page.goto(`file://${path}`);
      const img = page.getByRole('img', { name: 'chart.png' });
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(64);
      expect(await img.evaluate((el: HTMLImageElement) => el.naturalHeight)).toBe(48);
      expect(external).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});


describe('imports from other apps', () => {
  it('Claude.ai: the text extracted from uploaded files comes back as text attachments; one too large is named in the message', () => {
    const store = fresh();
    const exported = [
      {
        uuid: 'conv-files',
        name: 'With files',
        created_at: '2025-03-01T10:00:00Z',
        chat_messages: [
          {
            uuid: 'm1',
            sender: 'human',
            text: 'Check my script',
            created_at: '2025-03-01T10:00:01Z',
            attachments: [
              { file_name: 'run.sh', file_type: 'text/x-sh', extracted_content: 'echo hello\n' },
              { file_name: 'dump.log', file_type: 'text/plain', extracted_content: 'x'.repeat(600 * 1024) },
            ],
            files: [{ file_name: 'photo.jpg' }],
          },
          { uuid: 'm2', sender: 'assistant', text: 'It prints hello.', created_at: '2025-03-01T10:00:05Z', attachments: [], files: [] },
        ],
      },
    ];
    expect(importFile(store, JSON.stringify(exported))).toMatchObject({ format: 'claude', imported: 1 });
    const id = store.conversations.list().items[0]?.id ?? '';
    const [user] = store.messages.activePath(id);
    expect(user?.attachments).toEqual([expect.objectContaining({ name: 'run.sh', kind: 'text', size: 11 })]);
    expect(user?.text).toMatch(/^Check my script\n\n\[Attachment not imported: “dump\.log” is too large: a text file can be at most 0\.50 MiB when sent, this one is 0\.59 MiB\.\]$/);
    expect(store.attachments.forModel(user?.id ?? '')).toEqual([{ name: 'run.sh', kind: 'text', mimeType: 'text/plain', data: b64(Buffer.from('echo hello\n')) }]);
  });
});
