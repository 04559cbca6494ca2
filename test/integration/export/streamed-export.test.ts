// Exports go to disk conversation by conversation, in the app itself: each piece is on disk before
// the next conversation is read, the file is private (0600) and appears under its name only when
// complete, and a failure midway leaves no partial file and an earlier file untouched. Desktop
// saves where the dialog says; browser mode serves the file once from a one-time address.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkUploads } from '../../../src/main/attachments/check';
import { saveWhereChosen } from '../../../src/main/services/export-saving';
import { createPlumeService, type PlumeService } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';
import { writeExportFile } from '../../../src/main/services/export-to-disk';
import { startWebHost } from '../../../src/main/web-host/server';
import { b64, makePng } from '../../support/attachments/files';
import { takeExport } from '../../support/exported-file';

const services: PlumeService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

function service(options: Partial<Parameters<typeof createPlumeService>[0]> = {}): PlumeService {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-stream-export-'));
  const s = createPlumeService({ dataDir, vault: new FileVault(dataDir), mode: 'web', version: 't', ...options });
  services.push(s);
  return s;
}

/** Runs `fn` against a browser-mode host of `s`, with the download address of one export. */
async function downloaded(s: PlumeService, id: string, format: 'html' | 'markdown', fn: (url: string, filename: string) => Promise<void>): Promise<void> {
  const host = await startWebHost({ service: s, rendererDir: mkdtempSync(join(tmpdir(), 'plume-renderer-')) });
  try {
    const result = await s.handlers['export:conversation']({ id, format });
    if (!('download' in result)) throw new Error(JSON.stringify(result));
    await fn(host.origin + result.download.url, result.download.filename);
  } finally {
    await host.close();
  }
}

function chat(s: PlumeService, title: string, text: string): string {
  const c = s.store.conversations.create({ title });
  s.store.messages.appendUser(c.id, text);
  return c.id;
}

describe('exports written to disk piece by piece', () => {
  it('each piece is on disk before the next one is produced, in a private file renamed into place at the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-pieces-'));
    const target = join(dir, 'all.md');
    const onDisk: number[] = [];
    function* pieces() {
      for (let i = 0; i < 4; i++) {
        // What is already written, seen from outside, while the export is still running.
        const partial = readdirSync(dir).filter((f) => f.endsWith('.partial'));
        onDisk.push(partial.length ? statSync(join(dir, partial[0] as string)).size : 0);
        expect(existsSync(target)).toBe(false);
        yield `piece ${i}\n`;
      }
    }
    const bytes = await writeExportFile(pieces(), target);
    expect(onDisk).toEqual([0, 8, 16, 24]);
    expect(bytes).toBe(32);
    expect(readFileSync(target, 'utf8')).toBe('piece 0\npiece 1\npiece 2\npiece 3\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['all.md']);
  });

  it('a failure midway leaves the earlier file as it was and no partial file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-pieces-'));
    const target = join(dir, 'all.html');
    writeFileSync(target, 'the export from last week');
    function* failing() {
      yield '<!doctype html>';
      throw new Error('the database went away');
    }
    await expect(writeExportFile(failing(), target)).rejects.toThrow('the database went away');
    expect(readFileSync(target, 'utf8')).toBe('the export from last week');
    expect(readdirSync(dir)).toEqual(['all.html']);
  });

  it('streamed JSON of several conversations reads back whole, versioned by whether any has attachments', async () => {
    const s = service();
    const plain = chat(s, 'Plain one', 'no files here');
    const second = chat(s, 'Second one', 'text with "quotes" and\nnew lines');
    const json = JSON.parse(takeExport(s, await s.handlers['export:all']({ format: 'json', ids: [plain, second] })).content);
    expect(json).toMatchObject({ format: 'plume.conversations', version: 1 });
    expect(json.conversations.map((c: { title: string }) => c.title)).toEqual(['Plain one', 'Second one']);
    expect(json.conversations[1].messages[0].text).toBe('text with "quotes" and\nnew lines');

    const withFile = s.store.conversations.create({ title: 'With a picture' });
    const user = s.store.messages.appendUser(withFile.id, 'see');
    s.store.attachments.add(user.id, checkUploads([{ name: 'dot.png', data: b64(makePng(2, 2)) }]));
    const all = takeExport(s, await s.handlers['export:all']({ format: 'json' }));
    expect(JSON.parse(all.content)).toMatchObject({ version: 2 });
    // The file imports again as it is (into a fresh install).
    const other = service();
    expect(await other.handlers['import:file']({ text: all.content })).toMatchObject({ imported: 3 });
  });

  it('desktop: saved where the dialog says, private; a cancelled dialog writes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'plume-saved-'));
    let answer: string | null = null;
    const s = service({ mode: 'electron', saveExport: saveWhereChosen(async (name) => (answer = answer === null ? join(out, name) : null)) });
    const id = chat(s, 'Saved chat', 'Keep this on disk');
    const saved = await s.handlers['export:conversation']({ id, format: 'markdown' });
    expect(saved).toEqual({ saved: join(out, 'saved-chat.md') });
    expect(readFileSync(join(out, 'saved-chat.md'), 'utf8')).toContain('Keep this on disk');
    expect(statSync(join(out, 'saved-chat.md')).mode & 0o777).toBe(0o600);
    expect(await s.handlers['export:all']({ format: 'html' })).toEqual({ cancelled: true });
    expect(readdirSync(out)).toEqual(['saved-chat.md']);
  });

  it('browser mode: the host streams the file once as an attachment, then forgets it', async () => {
    const s = service();
    const id = chat(s, 'Download me', 'A reply worth <keeping>');
    await downloaded(s, id, 'html', async (url, filename) => {
      expect(filename).toBe('download-me.html');
      const first = await fetch(url, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
      expect(first.status).toBe(200);
      expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="download-me\.html"/);
      expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await first.text()).toContain('A reply worth &#x3C;keeping>');
      const again = await fetch(url);
      expect(again.status).toBe(404);
      expect(await again.text()).toMatch(/already downloaded or has expired/);
    });
  });

  it('browser mode: a page of another site cannot take the file', async () => {
    const s = service();
    const id = chat(s, 'Private', 'not for other sites');
    await downloaded(s, id, 'markdown', async (url) => {
      const refused = await fetch(url, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
      expect(refused.status).toBe(403);
    });
  });
});
