// The folder rules that keep Plume runnable without the Electron binary and keep the data path
// readable: shared code depends on nothing, services never load Electron, the page never
// reaches into main, and only the thin Electron wiring and the preload import `electron`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file names, types included: folder direction is about reading, too. */
function allImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1] as string);
}

/** Module specifiers a file loads at run time (`import type` erases, so it does not count). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) found.push(m[1] as string);
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(m[1] as string);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] as string);
  return found;
}

/** Resolves a relative specifier to a repo path so folder rules can be checked. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(root, join(root, file, '..', specifier)) : specifier;
}

function violations(dir: string, forbidden: (target: string) => boolean): string[] {
  return sources(dir).flatMap((file) =>
    runtimeImports(file)
      .map((spec) => target(file, spec))
      .filter(forbidden)
      .map((t) => `${file} → ${t}`),
  );
}

describe('layers', () => {
  it('only src/main/electron-main and src/preload load electron', () => {
    const outside = ['src/shared', 'src/renderer', ...['providers', 'stream', 'services', 'settings', 'store', 'web-host', 'attachments', 'mcp'].map((d) => `src/main/${d}`)];
    const found = outside
      .filter((dir) => {
        try {
          return statSync(join(root, dir)).isDirectory();
        } catch {
          return false;
        }
      })
      .flatMap((dir) => violations(dir, (t) => t === 'electron' || t.startsWith('electron/')));
    expect(found).toEqual([]);
  });

  it('shared code depends on nothing of main or the renderer', () => {
    expect(violations('src/shared', (t) => t.startsWith('src/main') || t.startsWith('src/renderer') || t.startsWith('src/preload'))).toEqual([]);
  });

  it('the renderer never reaches into main or the preload', () => {
    expect(violations('src/renderer', (t) => t.startsWith('src/main') || t.startsWith('src/preload'))).toEqual([]);
  });

  it('services below the wirings do not import the wirings', () => {
    const below = ['providers', 'stream', 'services', 'settings', 'store', 'mcp'].map((d) => `src/main/${d}`);
    const found = below.flatMap((dir) => violations(dir, (t) => t.startsWith('src/main/electron-main') || t.startsWith('src/main/web-host')));
    expect(found).toEqual([]);
  });

  it('renderer features import only features below them', () => {
    // Lowest first. A feature may use any feature before it in this list, never one after it:
    // the window composes settings over chat over conversations over providers, all on the shell's
    // primitives, the markdown renderer and the bridge to main.
    const order = ['bridge', 'markdown', 'shell', 'providers', 'conversations', 'chat', 'settings'];
    const base = 'src/renderer/src/';
    const featureOf = (path: string): string | null => {
      if (!path.startsWith(base)) return null;
      const rest = path.slice(base.length).split('/');
      // `../bridge` names the folder itself (its index).
      return rest.length > 1 || order.includes(rest[0] as string) ? (rest[0] as string) : 'app';
    };
    const upward = sources('src/renderer/src').flatMap((file) => {
      const from = featureOf(file) as string;
      return allImports(file)
        .map((spec) => target(file, spec))
        .filter((t) => {
          const to = featureOf(t);
          if (to === null || to === from || from === 'app') return false;
          return to === 'app' || order.indexOf(to) > order.indexOf(from);
        })
        .map((t) => `${file} → ${t}`);
    });
    const unknown = [...new Set(sources('src/renderer/src').map(featureOf))].filter((f) => f !== 'app' && !order.includes(f as string));
    expect(unknown, 'every folder of src/renderer/src is a feature in the order above').toEqual([]);
    expect(upward).toEqual([]);
  });
});
