// Export from the window. Main writes every export (Markdown, JSON, HTML, PDF) to disk itself:
// the desktop app through its save dialog, browser mode to a file the page then downloads from a
// one-time address, streamed by the host.
import type { ExportResult } from '../../../shared/contract';

/** Saves or downloads the finished export; returns the notice for the window. */
export function finishExport(result: ExportResult): string {
  if ('saved' in result) return `Saved ${result.saved}`;
  if ('cancelled' in result) return 'Export cancelled.';
  follow(result.download.url, result.download.filename);
  return `Downloaded ${result.download.filename}`;
}

function follow(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
}
