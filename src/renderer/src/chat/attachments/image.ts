// Image work in the page, with Chromium's own codecs: reading the size, a small preview, and
// the copy that is sent, shrunk to what the provider uses (see `fitForProvider`).
import { fitForProvider, type ImageMimeType, type VisionProvider } from '../../../../shared/attachments';
import { MAX_SENT_IMAGE_BYTES, MAX_THUMBNAIL_CHARS, THUMBNAIL_EDGE } from '../../../../shared/limits';

export class ImageProblem extends Error {}

export async function decodeImage(blob: Blob, name: string): Promise<ImageBitmap> {
  try {
    // EXIF orientation is applied, so width and height are as the picture is seen.
    return await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    throw new ImageProblem(`“${name}” could not be read as an image: the file may be damaged.`);
  }
}

function draw(bitmap: ImageBitmap, width: number, height: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new ImageProblem('This window cannot draw images (no 2D canvas).');
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas;
}

export function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

export async function base64Of(blob: Blob): Promise<string> {
  const url = await dataUrlOf(blob);
  return url.slice(url.indexOf(',') + 1);
}

/** A preview small enough to store with the message; undefined when even that is too big. */
export async function thumbnailOf(bitmap: ImageBitmap): Promise<string | undefined> {
  const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = draw(bitmap, Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
  // WebP keeps transparency at a fraction of PNG's size.
  const url = await dataUrlOf(await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 }));
  return url.length <= MAX_THUMBNAIL_CHARS && url.startsWith('data:image/webp;base64,') ? url : undefined;
}

export interface EncodedImage {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * The copy sent to `provider`. An image already small enough goes as picked (GIFs keep their
 * animation, JPEGs their exact bytes); a larger one is redrawn at the provider's size in its
 * own format (PNG for GIF), and as JPEG if that is still over the per-image cap.
 */
export async function encodeForProvider(blob: Blob, type: ImageMimeType, name: string, provider: VisionProvider): Promise<EncodedImage> {
  const bitmap = await decodeImage(blob, name);
  try {
    const size = fitForProvider(bitmap.width, bitmap.height, provider);
    const unchanged = size.width === bitmap.width && size.height === bitmap.height;
    if (unchanged && blob.size <= MAX_SENT_IMAGE_BYTES) return { blob, ...size };
    const canvas = draw(bitmap, size.width, size.height);
    const format = type === 'image/jpeg' || type === 'image/webp' ? type : 'image/png';
    let out = await canvas.convertToBlob({ type: format, quality: 0.9 });
    if (out.size > MAX_SENT_IMAGE_BYTES) out = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    if (out.size > MAX_SENT_IMAGE_BYTES) {
      throw new ImageProblem(`“${name}” is still over ${(MAX_SENT_IMAGE_BYTES / (1024 * 1024)).toFixed(2)} MiB after shrinking it to ${size.width}×${size.height}.`);
    }
    return { blob: out, ...size };
  } finally {
    bitmap.close();
  }
}
