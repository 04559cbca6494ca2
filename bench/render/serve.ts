import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/e2e/support/browser.ts';

const pageDir = fileURLToPath(new URL('./page/', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Production build of the bench page (the real renderer components) into `outDir`; with `peers`,
 * also peers.html, the same page with Streamdown and incremark (only the benchmark needs them).
 */
export async function buildPage(outDir: string, minify = true, peers = false): Promise<void> {
  const input = { index: join(pageDir, 'index.html'), ...(peers ? { peers: join(pageDir, 'peers.html') } : {}) };
  await build({
    root: pageDir,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    configFile: false,
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify, sourcemap: false, rollupOptions: { input } },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` on 127.0.0.1 (module scripts and dynamic imports need http, not file:). */
export async function serve(dir: string, page = 'index.html'): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/${page}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath() ?? CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
