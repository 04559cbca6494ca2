// Attached files in the readable exports. Everything is embedded, so the file stays viewable
// offline: images as data: URLs, text files inline, PDFs as a data: link to download.
import { fencedFile, formatBytes } from '../../../shared/attachments.ts';
import type { SnapshotAttachment } from '../snapshot.ts';
import { escapeHtml } from './render-text.ts';

const dataUrl = (a: SnapshotAttachment) => `data:${a.mimeType};base64,${a.data}`;
const byteSize = (a: SnapshotAttachment) => formatBytes(Math.floor((a.data.length * 3) / 4) - (a.data.match(/=*$/)?.[0].length ?? 0));
const textOf = (a: SnapshotAttachment) => Buffer.from(a.data, 'base64').toString('utf8');
/** Link text and image alt text: brackets and backslashes would end them early. */
const markdownLabel = (name: string) => name.replace(/[\\[\]]/g, (ch) => `\\${ch}`);

export function attachmentsToMarkdown(list: readonly SnapshotAttachment[]): string[] {
  return list.map((a) => {
    switch (a.kind) {
      case 'image':
        return `![${markdownLabel(a.name)}](${dataUrl(a)})`;
      case 'text':
        return fencedFile(a.name, textOf(a));
      case 'pdf':
        return `Attached PDF: [${markdownLabel(a.name)}](${dataUrl(a)}) (${byteSize(a)})`;
    }
  });
}

export function attachmentsToHtml(list: readonly SnapshotAttachment[]): string {
  if (list.length === 0) return '';
  const items = list.map((a) => {
    const name = escapeHtml(a.name);
    switch (a.kind) {
      case 'image': {
        const size = a.width && a.height ? ` width="${a.width}" height="${a.height}"` : '';
        return `<figure class="attachment image"><img src="${dataUrl(a)}" alt="${name}"${size}><figcaption>${name}</figcaption></figure>`;
      }
      case 'text':
        return `<details class="attachment text"><summary>${name} (${byteSize(a)})</summary><pre><code>${escapeHtml(textOf(a))}</code></pre></details>`;
      case 'pdf':
        return `<p class="attachment pdf">Attached PDF: <a href="${dataUrl(a)}" download="${name}">${name}</a> (${byteSize(a)})</p>`;
    }
  });
  return `<div class="attachments">${items.join('\n')}</div>`;
}
