// Export and import from the window. Files are saved as downloads (Electron asks where to save a
// download with the native dialog); in browser mode a PDF arrives from the host as bytes.
import type { ExportedFile } from '../../../shared/conversations';

export function saveFile(file: ExportedFile): void {
  download(new Blob([file.content], { type: file.mimeType }), file.filename);
}

export function saveBase64(filename: string, base64: string, mimeType: string): void {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  download(new Blob([bytes], { type: mimeType }), filename);
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
