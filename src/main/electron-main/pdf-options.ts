// The PDF printer window's settings, as data so tests can check them without Electron.
import type { PrintToPDFOptions, WebPreferences } from 'electron';

/** The export has no scripts; the printer window could not run them anyway. */
export function pdfRendererPreferences(): WebPreferences {
  return { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, images: true };
}

export function pdfPrintOptions(): PrintToPDFOptions {
  // Backgrounds carry the code-block and message colours of the export.
  // Margins are in inches: about 15 mm all round.
  return { printBackground: true, pageSize: 'A4', margins: { top: 0.6, bottom: 0.6, left: 0.6, right: 0.6 }, generateDocumentOutline: true };
}
