// PDF export: in the desktop app main prints the HTML export through printToPDF (whose window
// settings are checked here as data); browser mode gets null and prints the HTML itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPrintOptions, pdfRendererPreferences } from '../../../src/main/electron-main/pdf-options';
import { createPlumeService } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';

function serviceWith(savePdf?: (html: string, name: string) => Promise<{ saved: string }>) {
  const dir = mkdtempSync(join(tmpdir(), 'plume-pdf-'));
  return createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: savePdf ? 'electron' : 'web', version: 't', savePdf });
}

describe('PDF export', () => {
  it('hands the print-ready HTML of a conversation (escaped, no scripts) to the desktop printer', async () => {
    const printed: Array<{ html: string; name: string }> = [];
    const service = serviceWith(async (html, name) => {
      printed.push({ html, name });
      return { saved: `/home/me/${name}` };
    });
    const conversation = service.store.conversations.create({ title: 'Printable' });
    service.store.messages.appendUser(conversation.id, 'Show <script>alert(1)</script> as text');
    const result = await service.handlers['export:pdf']({ id: conversation.id });
    expect(result).toEqual({ saved: `/home/me/${printed[0]?.name}` });
    expect(printed[0]?.name).toMatch(/\.pdf$/);
    expect(printed[0]?.html).toContain('Show &#60;script&#62;alert(1)&#60;/script&#62; as text');
    expect(printed[0]?.html).not.toMatch(/<script/i);
    service.close();
  });

  it('is null in browser mode, which prints the HTML export in the page instead', async () => {
    const service = serviceWith();
    expect(await service.handlers['export:pdf']({})).toBeNull();
    service.close();
  });

  it('prints with JavaScript off in a sandboxed window, with backgrounds', () => {
    expect(pdfRendererPreferences()).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(pdfPrintOptions()).toMatchObject({ printBackground: true, pageSize: 'A4' });
  });
});
