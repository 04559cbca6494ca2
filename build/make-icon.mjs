// Draws build/icon.png (512×512): a white quill on an indigo rounded square. Plain Node, no image
// library, so the icon can be regenerated on any machine: `node build/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 3; // per axis, for anti-aliased edges

function coverage(x, y) {
  // Rounded square background.
  const r = 104;
  const m = 24;
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r);
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  const inBg = (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= SIZE - m && y >= m && y <= SIZE - m;
  // Quill along the diagonal from bottom-left to top-right.
  const u = ((x - 150) + (362 - y)) / Math.SQRT2; // along the shaft
  const v = ((x - 150) - (362 - y)) / Math.SQRT2; // across it
  const length = 330;
  const t = u / length;
  const vane = t > 0.12 && t < 1 && Math.abs(v + 10 * t) < 78 * Math.sin(Math.PI * Math.min(1, (t - 0.12) / 0.88)) ** 0.7;
  const spine = t > -0.12 && t < 0.97 && Math.abs(v) < 5;
  return { inBg, vane, spine };
}

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  pixels[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let rSum = 0, gSum = 0, bSum = 0, aSum = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        const { inBg, vane, spine } = coverage(px, py);
        if (!inBg) continue;
        const k = (px + py) / (2 * SIZE); // diagonal gradient
        let color = [Math.round(79 + 60 * k), Math.round(92 - 10 * k), Math.round(230 + 10 * k)];
        if (vane) color = [250, 250, 255];
        if (spine) color = [200, 205, 245];
        rSum += color[0]; gSum += color[1]; bSum += color[2]; aSum += 255;
      }
    }
    const n = SAMPLES * SAMPLES;
    const covered = aSum / 255;
    const at = y * (SIZE * 4 + 1) + 1 + x * 4;
    pixels[at] = covered ? Math.round(rSum / covered) : 0;
    pixels[at + 1] = covered ? Math.round(gSum / covered) : 0;
    pixels[at + 2] = covered ? Math.round(bSum / covered) : 0;
    pixels[at + 3] = Math.round(aSum / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
