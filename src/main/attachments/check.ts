// One attached file, checked before anything is stored or sent: the bytes decide what it is
// (never the name or a type the window claims), and each kind has its own size cap.
import { createHash } from 'node:crypto';
import { sniffFile, type AttachmentKind, type ImageMimeType } from '../../shared/attachments.ts';
import {
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_IMAGE_EDGE,
  MAX_MESSAGE_ATTACHMENT_BYTES,
  MAX_PDF_BYTES,
  MAX_SENT_IMAGE_BYTES,
  MAX_TEXT_FILE_BYTES,
  MAX_THUMBNAIL_CHARS,
} from '../../shared/limits.ts';
import { imageSize } from './image-size.ts';

export interface CheckedAttachment {
  name: string;
  kind: AttachmentKind;
  mimeType: string;
  bytes: Buffer;
  sha256: string;
  width?: number;
  height?: number;
  thumbnail?: string;
}

/** Its message is written for the person who attached the file. */
export class AttachmentProblem extends Error {}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const THUMBNAIL = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
const MAX_NAME = 255;

const CAPS: Record<AttachmentKind, number> = { image: MAX_SENT_IMAGE_BYTES, pdf: MAX_PDF_BYTES, text: MAX_TEXT_FILE_BYTES };
const KIND_WORD: Record<AttachmentKind, string> = { image: 'an image', pdf: 'a PDF', text: 'a text file' };
const LARGEST = Math.max(...Object.values(CAPS));

function decodeBase64(data: unknown, what: string): Buffer {
  if (typeof data !== 'string' || data.length % 4 !== 0 || !BASE64.test(data)) {
    throw new AttachmentProblem(`${what} did not arrive as valid base64.`);
  }
  return Buffer.from(data, 'base64');
}

/** Throws an `AttachmentProblem` saying, in words for a person, what is wrong with the file. */
export function checkAttachment(raw: { name?: unknown; data?: unknown; thumbnail?: unknown }): CheckedAttachment {
  const name = typeof raw.name === 'string' ? raw.name.replace(/[\u0000-\u001f\u007f]/g, '').trim() : '';
  if (name === '' || name.length > MAX_NAME) throw new AttachmentProblem('An attached file has no usable name.');
  // Checked on the base64 length first, so an oversized file is refused before it is decoded.
  if (typeof raw.data === 'string' && raw.data.length > Math.ceil(LARGEST / 3) * 4) {
    throw new AttachmentProblem(`“${name}” is too large: about ${mib((raw.data.length * 3) / 4)}, and no attached file can be over ${mib(LARGEST)}.`);
  }
  const bytes = decodeBase64(raw.data, `“${name}”`);
  if (bytes.length === 0) throw new AttachmentProblem(`“${name}” is empty.`);
  const type = sniffFile(bytes);
  if (!type) throw new AttachmentProblem(`“${name}” is not a supported file: attach images (PNG, JPEG, WebP, GIF), PDFs, or text and code files.`);
  const cap = CAPS[type.kind];
  if (bytes.length > cap) {
    throw new AttachmentProblem(`“${name}” is too large: ${KIND_WORD[type.kind]} can be at most ${mib(cap)} when sent, this one is ${mib(bytes.length)}.`);
  }
  const checked: CheckedAttachment = {
    name,
    kind: type.kind,
    mimeType: type.mimeType,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  if (type.kind === 'image') {
    const size = imageSize(bytes, type.mimeType as ImageMimeType);
    if (!size) throw new AttachmentProblem(`“${name}” looks like an image but its header is damaged.`);
    if (size.width > MAX_IMAGE_EDGE || size.height > MAX_IMAGE_EDGE) {
      throw new AttachmentProblem(`“${name}” is ${size.width}×${size.height} px; providers take at most ${MAX_IMAGE_EDGE} px on a side.`);
    }
    checked.width = size.width;
    checked.height = size.height;
    if (raw.thumbnail !== undefined) {
      if (typeof raw.thumbnail !== 'string' || raw.thumbnail.length > MAX_THUMBNAIL_CHARS || !THUMBNAIL.test(raw.thumbnail)) {
        throw new AttachmentProblem(`The preview of “${name}” is not a small PNG, JPEG or WebP image.`);
      }
      checked.thumbnail = raw.thumbnail;
    }
  }
  return checked;
}

function mib(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 2)} MiB`;
}

/**
 * Every file of one message, with the per-message caps. Main runs this when the request arrives
 * (to refuse it before anything is written) and again when storing: decoding a few MiB twice is
 * cheaper than carrying checked buffers through the request type.
 */
export function checkUploads(list: unknown): CheckedAttachment[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new AttachmentProblem('The attached files did not arrive as a list.');
  if (list.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new AttachmentProblem(`At most ${MAX_ATTACHMENTS_PER_MESSAGE} files can go with one message; this one has ${list.length}.`);
  }
  const checked = list.map((item) => {
    if (typeof item !== 'object' || item === null) throw new AttachmentProblem('An attached file arrived empty.');
    return checkAttachment(item as Record<string, unknown>);
  });
  const total = checked.reduce((sum, a) => sum + a.bytes.length, 0);
  if (total > MAX_MESSAGE_ATTACHMENT_BYTES) {
    throw new AttachmentProblem(`The attached files add up to ${mib(total)}; one message can carry at most ${mib(MAX_MESSAGE_ATTACHMENT_BYTES)}.`);
  }
  return checked;
}
