// PDF export in the desktop app: the print-ready HTML export is loaded into a hidden window with
// JavaScript off, printed with printToPDF, and saved where the user chooses.
import { BrowserWindow, dialog } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfExportResult } from '../../shared/contract';
import { pdfPrintOptions, pdfRendererPreferences } from './pdf-options';

export async function savePdfWithDialog(html: string, suggestedName: string, parent: () => BrowserWindow | null): Promise<PdfExportResult> {
  const owner = parent();
  const choice = owner
    ? await dialog.showSaveDialog(owner, { defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
    : await dialog.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (choice.canceled || !choice.filePath) return { cancelled: true };

  // A file rather than a data: URL, which has a size limit a long conversation can exceed.
  const dir = await mkdtemp(join(tmpdir(), 'plume-pdf-'));
  const page = join(dir, 'export.html');
  const printer = new BrowserWindow({ show: false, webPreferences: pdfRendererPreferences() });
  try {
    // The temp folder is 0700 (mkdtemp) and the page 0600: it holds conversations.
    await writeFile(page, html, { mode: 0o600 });
    await printer.loadFile(page);
    await writeFile(choice.filePath, await printer.webContents.printToPDF(pdfPrintOptions()));
    return { saved: choice.filePath };
  } finally {
    printer.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
