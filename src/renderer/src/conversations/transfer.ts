// Export and import from the window. Files are saved as downloads (Electron asks where to save a
// download with the native dialog); PDF goes through the print path, where "Save as PDF" lives.
import type { ExportedFile } from '../../../shared/conversations';

export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Prints a self-contained HTML export (no scripts in it) from a hidden frame. */
export function printHtml(file: ExportedFile): void {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  frame.srcdoc = file.content;
  frame.addEventListener('load', () => {
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  });
  document.body.append(frame);
}
