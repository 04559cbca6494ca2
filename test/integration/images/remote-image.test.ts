// Clicked images come through main as data: URLs; only raster images, only so big.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeOutgoingRequests } from '../../../src/main/providers/byte-reporting-fetch';
import { fetchImageAsDataUrl } from '../../../src/main/services/remote-image';

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/dot.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === '/evil.svg') return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg onload="alert(1)"/>');
    if (req.url === '/page') return res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>hi</h1>');
    if (req.url === '/huge.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      const chunk = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < 12; i++) res.write(chunk);
      return res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('loading a clicked image through main', () => {
  it('returns a PNG as a data URL with its bytes intact, through the observed fetch', async () => {
    const seen: string[] = [];
    const stop = observeOutgoingRequests((request) => seen.push(request.url));
    const { dataUrl } = await fetchImageAsDataUrl(`${base}/dot.png`);
    stop();
    expect(dataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(seen).toEqual([`${base}/dot.png`]);
  });

  it('refuses SVG and HTML, oversized bodies, missing files and non-web addresses with plain words', async () => {
    await expect(fetchImageAsDataUrl(`${base}/evil.svg`)).rejects.toThrow(/not a picture Plume shows \(image\/svg\+xml\)/);
    await expect(fetchImageAsDataUrl(`${base}/page`)).rejects.toThrow(/not a picture/);
    await expect(fetchImageAsDataUrl(`${base}/huge.png`)).rejects.toThrow(/larger than 10 MB/);
    await expect(fetchImageAsDataUrl(`${base}/missing.png`)).rejects.toThrow(/answered 404/);
    await expect(fetchImageAsDataUrl('javascript:alert(1)')).rejects.toThrow(/Only http and https/);
    await expect(fetchImageAsDataUrl('http://127.0.0.1:1/x.png')).rejects.toThrow(/Could not load the image from 127\.0\.0\.1:1/);
  });
});
