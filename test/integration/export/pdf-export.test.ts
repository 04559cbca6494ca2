// PDF export: in the desktop app main prints the HTML export through printToPDF (whose window
// settings are checked here as data); browser mode renders the same HTML with a headless Chromium
// and hands the page a real PDF file, whose text pdftotext (poppler-utils) reads back.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPrintOptions, pdfRendererPreferences } from '../../../src/main/electron-main/pdf-options';
import { createPlumeService } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';
import { missing } from '../../support/skip-reason';
import { takeExport } from '../../support/exported-file';

function serviceWith(savePdf?: (page: string, name: string) => Promise<{ saved: string }>) {
  const dir = mkdtempSync(join(tmpdir(), 'plume-pdf-'));
  return createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: savePdf ? 'electron' : 'web', version: 't', savePdf });
}

describe('PDF export', () => {
  it('hands the print-ready HTML of a conversation (escaped, no scripts) to the desktop printer', async () => {
    const printed: Array<{ html: string; name: string; mode: number }> = [];
    const service = serviceWith(async (page, name) => {
      // The page is a private file main wrote piece by piece; the printer loads it from disk.
      printed.push({ html: readFileSync(page, 'utf8'), name, mode: statSync(page).mode & 0o777 });
      return { saved: `/home/me/${name}` };
    });
    const conversation = service.store.conversations.create({ title: 'Printable' });
    service.store.messages.appendUser(conversation.id, 'Show <script>alert(1)</script> as text');
    const result = await service.handlers['export:pdf']({ id: conversation.id });
    expect(result).toEqual({ saved: `/home/me/${printed[0]?.name}` });
    expect(printed[0]?.name).toMatch(/\.pdf$/);
    expect(printed[0]?.html).toContain('Show &#x3C;script>alert(1)&#x3C;/script> as text');
    expect(printed[0]?.html).not.toMatch(/<script/i);
    expect(printed[0]?.mode).toBe(0o600);
    service.close();
  });

  it.skipIf(missing(existsSync('/usr/bin/pdftotext'), 'the PDF text check needs pdftotext (Debian poppler-utils; .ci/run installs it)'))('browser mode returns a real PDF file holding the conversation text (needs poppler-utils)', { timeout: 60_000 }, async () => {
    const service = serviceWith();
    const conversation = service.store.conversations.create({ title: 'Printable in the browser' });
    service.store.messages.appendUser(conversation.id, '# Shopping list\n\n- oat milk\n- rye bread\n\nShow <script>alert(1)</script> as text');
    const result = await service.handlers['export:pdf']({ ids: [conversation.id] });
    const download = takeExport(service, result);
    expect(download.filename).toBe('printable-in-the-browser.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'plume-pdf-out-'));
    const path = join(dir, download.filename);
    writeFileSync(path, download.bytes);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Printable in the browser');
    expect(text).toContain('Shopping list');
    expect(text).toMatch(/oat milk[\s\S]*rye bread/);
    expect(text).toContain('Show <script>alert(1)</script> as text');
    service.close();
  });

  it('prints with JavaScript off in a sandboxed window, with backgrounds', () => {
    expect(pdfRendererPreferences()).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(pdfPrintOptions()).toMatchObject({ printBackground: true, pageSize: 'A4' });
  });
});
