// Files attached to a user message: what crosses the contract, what the window shows, and the
// rules both sides apply the same way (what a file is, how far an image is shrunk).

/** How a file reaches the model: pixels, inlined text, or a document block. */
export type AttachmentKind = 'image' | 'text' | 'pdf';

export type ImageMimeType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

/** Sent by the window with a new message. Main checks every field and sniffs the bytes itself. */
export interface AttachmentUpload {
  name: string;
  /** The file's bytes, base64 (plain strings: Electron loses ArrayBuffers sent from a page). */
  data: string;
  /** A small data: URL preview of an image, made by the window (main decodes no images). */
  thumbnail?: string;
}

/** An attachment as the window shows it: no bytes, only what a chip needs. */
export interface AttachmentView {
  name: string;
  kind: AttachmentKind;
  mimeType: string;
  size: number;
  /** SHA-256 of the bytes, hex: one stored copy per content. */
  sha256: string;
  width?: number;
  height?: number;
  thumbnail?: string;
}

/** What a provider adapter gets for a message: the bytes too. */
export interface MessageAttachment {
  name: string;
  kind: AttachmentKind;
  mimeType: string;
  /** base64 */
  data: string;
}

// Stored messages carry their attachments (user messages only; absent when there are none).
declare module './conversations' {
  interface MessageNode {
    attachments?: AttachmentView[];
  }
}

/** What the bytes are, by their content: magic numbers for images and PDFs, valid UTF-8 for text. */
export function sniffFile(bytes: Uint8Array): { kind: AttachmentKind; mimeType: string } | null {
  const image = sniffImage(bytes);
  if (image) return { kind: 'image', mimeType: image };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf', mimeType: 'application/pdf' };
  if (isText(bytes)) return { kind: 'text', mimeType: 'text/plain' };
  return null;
}

export function sniffImage(bytes: Uint8Array): ImageMimeType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

/**
 * Text is valid UTF-8 without NUL bytes: that tells source code, logs, CSV and Markdown from
 * binaries whatever their extension says (NUL never appears in text, and almost always in
 * binary formats within the first kilobytes).
 */
export function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

export type VisionProvider = 'openai' | 'anthropic';

/**
 * The size an image is sent at: aspect ratio kept, never enlarged.
 * - Anthropic (vision docs, "Evaluate image size"): an image whose long edge is over 1568 px
 *   is scaled down by the API anyway, so larger ones only cost upload time.
 * - OpenAI (vision guide, "Calculating costs", detail high): the image is fitted into
 *   2048 × 2048, then scaled so its short side is 768 px; anything beyond is discarded.
 */
export function fitForProvider(width: number, height: number, provider: VisionProvider): { width: number; height: number } {
  let scale = 1;
  if (provider === 'anthropic') {
    scale = Math.min(1, 1568 / Math.max(width, height));
  } else {
    const fit = Math.min(1, 2048 / Math.max(width, height));
    scale = fit * Math.min(1, 768 / (Math.min(width, height) * fit));
  }
  if (scale >= 1) return { width, height };
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A file's text as the model sees it: named, fenced with a fence longer than any inside it. */
export function fencedFile(name: string, text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`{3,}/g), (m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const ext = /\.([A-Za-z0-9+#-]{1,12})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return `File: ${name}\n${fence}${ext}\n${text.replace(/\n$/, '')}\n${fence}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
