// Where the desktop app saves a Markdown, JSON or HTML export: the native save dialog, asked by
// main (which then writes the file itself, piece by piece) rather than a download of one big
// string handed to the window.
import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { extname } from 'node:path';

const KINDS: Record<string, string> = { '.md': 'Markdown', '.json': 'JSON', '.html': 'HTML' };

export async function chooseExportPath(suggestedName: string, parent: () => BrowserWindow | null): Promise<string | null> {
  const ext = extname(suggestedName);
  const options: SaveDialogOptions = { defaultPath: suggestedName, filters: [{ name: KINDS[ext] ?? 'Export', extensions: [ext.slice(1)] }] };
  const owner = parent();
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}
