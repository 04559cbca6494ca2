// Export and import from the window. Main writes Markdown, JSON and HTML exports to disk itself:
// the desktop app through its save dialog, browser mode to a file the page then downloads from a
// one-time address, streamed by the host. In browser mode a PDF arrives from the host as bytes.
import type { ExportResult } from '../../../shared/contract';

/** A notice for the window, or null when the browser's own download UI says it. */
export function finishExport(result: ExportResult): string | null {
  if ('saved' in result) return `Saved ${result.saved}`;
  if ('cancelled' in result) return 'Export cancelled.';
  follow(result.download.url, result.download.filename);
  return null;
}

export function saveBase64(filename: string, base64: string, mimeType: string): void {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  follow(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function follow(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
}
