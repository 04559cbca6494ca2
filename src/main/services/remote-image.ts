// Fetches an image a reader clicked in a reply, so the page itself never contacts a remote
// origin. Only raster image types are accepted (an SVG is a document), and only so much of them.
// It goes through the same fetch as provider calls, so privacy checks see this host too.
import { fetchReportingBytes } from '../providers/byte-reporting-fetch';
import { InvalidInput } from './request-validation';

const MAX_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
const TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

export async function fetchImageAsDataUrl(url: unknown, fetchImpl: typeof fetch = fetchReportingBytes(undefined)): Promise<{ dataUrl: string }> {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new InvalidInput('That image address is not valid.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new InvalidInput('Only http and https images can be loaded.');
  let response: Response;
  try {
    response = await fetchImpl(parsed, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow', credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new InvalidInput(`Could not load the image from ${parsed.host}.`);
  }
  if (!response.ok) throw new InvalidInput(`${parsed.host} answered ${response.status} for that image.`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!TYPES.has(type)) throw new InvalidInput(`That is not a picture Plume shows (${type || 'unknown type'}).`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) throw new InvalidInput('That image is larger than 10 MB.');
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new InvalidInput('That image is larger than 10 MB.');
    }
    chunks.push(value);
  }
  return { dataUrl: `data:${type};base64,${Buffer.concat(chunks).toString('base64')}` };
}
