// KaTeX's stylesheet for exports that contain math, with its fonts embedded as data: URLs (only
// the woff2 files, which every engine that prints PDFs reads) so formulas look the same offline.
// Read once, on the first export that needs it; exports without math carry none of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: string | null = null;

export function katexStyle(): string {
  if (cached !== null) return cached;
  const cssPath = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
  const dir = dirname(cssPath);
  cached = readFileSync(cssPath, 'utf8').replace(/src:url\((fonts\/[^)]+\.woff2)\) format\("woff2"\)[^;}]*/g, (_all, file: string) => {
    const font = readFileSync(join(dir, file)).toString('base64');
    return `src:url(data:font/woff2;base64,${font}) format("woff2")`;
  });
  return cached;
}
