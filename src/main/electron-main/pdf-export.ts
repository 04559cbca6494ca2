// PDF export in the desktop app: the print-ready HTML export (a private temp file main wrote
// conversation by conversation) is loaded into a hidden window with JavaScript off, printed with
// printToPDF, and saved where the user chooses.
import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { PdfExportResult } from '../../shared/contract';
import { pdfPrintOptions, pdfRendererPreferences } from './pdf-options';

export async function savePdfWithDialog(page: string, suggestedName: string, parent: () => BrowserWindow | null): Promise<PdfExportResult> {
  const owner = parent();
  const choice = owner
    ? await dialog.showSaveDialog(owner, { defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
    : await dialog.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (choice.canceled || !choice.filePath) return { cancelled: true };

  // A file rather than a data: URL, which has a size limit a long conversation can exceed.
  const printer = new BrowserWindow({ show: false, webPreferences: pdfRendererPreferences() });
  try {
    await printer.loadFile(page);
    await writeFile(choice.filePath, await printer.webContents.printToPDF(pdfPrintOptions()));
    return { saved: choice.filePath };
  } finally {
    printer.destroy();
  }
}
