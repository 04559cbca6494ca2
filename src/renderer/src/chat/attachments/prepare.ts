// The last step before a send: every file in the form the chosen provider takes, or a reason
// it cannot go (the composer keeps the text and the chips either way).
import { formatBytes } from '../../../../shared/attachments';
import { MAX_MESSAGE_ATTACHMENT_BYTES } from '../../../../shared/limits';
import { base64Of, encodeForProvider } from './image';
import type { PendingFile, PreparedAttachment, SendTarget } from './types';
import { seesImages } from './vision';

export class SendProblem extends Error {}

/** What stops these files going to `target` before any work is done; null when nothing does. */
export function blockerFor(files: readonly PendingFile[], target: SendTarget): string | null {
  const pdf = files.find((f) => f.kind === 'pdf');
  if (pdf && target.kind !== 'anthropic') {
    return `“${pdf.name}” is a PDF: Plume sends PDFs only to Anthropic models. Remove it or switch to an Anthropic provider.`;
  }
  return null;
}

/** True when images would go to a model that probably cannot see them. */
export function needsVisionWarning(files: readonly PendingFile[], target: SendTarget): boolean {
  return files.some((f) => f.kind === 'image') && !seesImages(target.model);
}

export async function prepareForSend(files: readonly PendingFile[], target: SendTarget): Promise<PreparedAttachment[]> {
  const prepared: PreparedAttachment[] = [];
  let total = 0;
  for (const file of files) {
    // The picked file stays with the summary so its chip in the conversation can be previewed.
    const summary = { name: file.name, kind: file.kind, size: file.size, blob: file.blob, ...(file.thumbnail ? { thumbnail: file.thumbnail } : {}) };
    let blob = file.blob;
    if (file.kind === 'image' && file.imageType) {
      const encoded = await encodeForProvider(file.blob, file.imageType, file.name, target.kind);
      blob = encoded.blob;
      Object.assign(summary, { size: blob.size, width: encoded.width, height: encoded.height });
    }
    total += blob.size;
    if (total > MAX_MESSAGE_ATTACHMENT_BYTES) {
      throw new SendProblem(`These files add up to more than ${formatBytes(MAX_MESSAGE_ATTACHMENT_BYTES)}, the most one message can carry. Remove some and send them in another message.`);
    }
    const upload = { name: file.name, data: await base64Of(blob), ...(file.thumbnail ? { thumbnail: file.thumbnail } : {}) };
    prepared.push({ upload, summary });
  }
  return prepared;
}
