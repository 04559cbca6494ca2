// Where a chip's file can be read for its preview: the file itself while it waits in the composer
// (or was sent this session), otherwise main's stored copy by its SHA-256.
import { bridge } from '../../bridge';
import type { AttachmentSummary } from './types';

export interface PreviewContent {
  /** An object URL for an image (the caller revokes it). */
  imageUrl?: string;
  text?: string;
}

/** Only images and text files have a preview the window can show. */
export const canPreview = (file: AttachmentSummary): boolean =>
  (file.kind === 'image' || file.kind === 'text') && (file.blob !== undefined || file.sha256 !== undefined || file.thumbnail !== undefined);

async function bytesOf(file: AttachmentSummary): Promise<Blob | null> {
  if (file.blob) return file.blob;
  if (!file.sha256) return null;
  const { mimeType, data } = await bridge.invoke('attachments:content', { sha256: file.sha256 });
  return new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: mimeType });
}

export async function loadPreview(file: AttachmentSummary): Promise<PreviewContent> {
  const blob = await bytesOf(file);
  if (file.kind === 'text') return { text: blob ? await blob.text() : '' };
  if (blob) return { imageUrl: URL.createObjectURL(blob) };
  // A just-sent image whose stored copy is not known yet: its thumbnail is better than nothing.
  return file.thumbnail ? { imageUrl: file.thumbnail } : {};
}
