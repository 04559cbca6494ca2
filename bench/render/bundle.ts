// Initial renderer JS: the real renderer built the way the app is built (its renderer config from
// electron.vite.config.ts), then the entry chunk and everything it imports statically, gzipped.
// Chunks reached only through import() (KaTeX, highlight.js, the highlight worker) load later.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, loadConfigFromFile } from 'vite';
import type { UserConfig } from 'vite';

const CONFIG = fileURLToPath(new URL('../../electron.vite.config.ts', import.meta.url));

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface BundleSize {
  initialRaw: number;
  initialGzip: number;
  /** Every JS file that is not loaded at start, with its gzip size. */
  lazy: Array<{ file: string; gzip: number }>;
}

export async function initialRendererJs(): Promise<BundleSize> {
  // Loaded through vite (the file uses __dirname, which plain Node cannot run as a module).
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, CONFIG, undefined, 'silent');
  const renderer = (loaded?.config as { renderer?: UserConfig } | undefined)?.renderer;
  if (!renderer) throw new Error(`no renderer config in ${CONFIG}`);
  const outDir = await mkdtemp(join(tmpdir(), 'plume-bundle-'));
  try {
    await build({
      ...renderer,
      configFile: false,
      logLevel: 'error',
      base: './',
      build: { ...renderer.build, outDir, emptyOutDir: true, manifest: 'manifest.json', sourcemap: false },
    });
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const initial = new Set<string>();
    const visit = (key: string): void => {
      const chunk = manifest[key];
      if (!chunk || initial.has(chunk.file)) return;
      initial.add(chunk.file);
      for (const k of chunk.imports ?? []) visit(k);
    };
    for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
    const gz = async (file: string): Promise<[number, number]> => {
      const body = await readFile(join(outDir, file));
      return [body.length, gzipSync(body).length];
    };
    let initialRaw = 0;
    let initialGzip = 0;
    for (const file of initial) {
      const [raw, gzip] = await gz(file);
      initialRaw += raw;
      initialGzip += gzip;
    }
    const lazy: BundleSize['lazy'] = [];
    // Worker bundles are not in the manifest: every other .js file in the output is lazy.
    const all = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.js'));
    for (const file of all.sort()) if (!initial.has(file)) lazy.push({ file, gzip: (await gz(file))[1] });
    return { initialRaw, initialGzip, lazy };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
