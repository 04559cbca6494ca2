// A picked, pasted or dropped file becomes a chip only once its bytes say what it is and it is
// within the caps; otherwise the composer shows why and keeps everything else.
import { formatBytes, isText, sniffImage } from '../../../../shared/attachments';
import { MAX_IMAGE_FILE_BYTES, MAX_PDF_BYTES, MAX_TEXT_FILE_BYTES } from '../../../../shared/limits';
import { decodeImage, thumbnailOf } from './image';
import type { PendingFile } from './types';

export class FileProblem extends Error {}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** Enough of a file to tell text from binary without reading a large one whole. */
const SNIFF_BYTES = 64 * 1024;

let ids = 0;

function tooLarge(name: string, size: number, what: string, cap: number): FileProblem {
  return new FileProblem(`“${name}” is too large (${formatBytes(size)}): ${what} can be at most ${formatBytes(cap)}.`);
}

export async function readPicked(file: File): Promise<PendingFile> {
  const name = file.name || 'pasted file';
  if (file.size === 0) throw new FileProblem(`“${name}” is empty.`);
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const base = { id: `file-${++ids}`, blob: file as Blob, name, size: file.size };

  const imageType = sniffImage(head);
  if (imageType) {
    if (file.size > MAX_IMAGE_FILE_BYTES) throw tooLarge(name, file.size, 'an image', MAX_IMAGE_FILE_BYTES);
    const bitmap = await decodeImage(file, name);
    try {
      const pending: PendingFile = { ...base, kind: 'image', imageType, width: bitmap.width, height: bitmap.height };
      const thumbnail = await thumbnailOf(bitmap);
      if (thumbnail) pending.thumbnail = thumbnail;
      return pending;
    } finally {
      bitmap.close();
    }
  }
  if (PDF_MAGIC.every((b, i) => head[i] === b)) {
    if (file.size > MAX_PDF_BYTES) throw tooLarge(name, file.size, 'a PDF', MAX_PDF_BYTES);
    return { ...base, kind: 'pdf' };
  }
  // A cut can fall inside a UTF-8 sequence: drop up to 3 trailing bytes before judging the head.
  const looksLikeText = isText(head.length < file.size ? trimPartialUtf8(head) : head);
  if (looksLikeText) {
    if (file.size > MAX_TEXT_FILE_BYTES) throw tooLarge(name, file.size, 'a text file', MAX_TEXT_FILE_BYTES);
    if (file.size <= SNIFF_BYTES || isText(new Uint8Array(await file.arrayBuffer()))) return { ...base, kind: 'text' };
  }
  throw new FileProblem(`“${name}” can’t be attached: only images (PNG, JPEG, WebP, GIF), PDFs, and text or code files are supported.`);
}

function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  // Step back over continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  let back = 0;
  while (back < 3 && end - back - 1 >= 0 && ((bytes[end - back - 1] as number) & 0xc0) === 0x80) back++;
  const lead = bytes[end - back - 1];
  if (lead !== undefined && lead >= 0xc0) end = end - back - 1;
  return bytes.subarray(0, end);
}
