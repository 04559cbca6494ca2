// Shared by `npm start`, `npm run web` and the Electron e2e suite: build the app, and find the
// Electron binary (Electron >= 42 downloads it on first use, so it may not be there).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

/** The Electron binary, or null when it has not been downloaded (ELECTRON_EXEC_PATH wins). */
export function electronBinary() {
  const fromEnv = process.env.ELECTRON_EXEC_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Builds main, preload and renderer, or exits with a pointer to the full build output. */
export function buildOrExit() {
  const build = spawnSync('electron-vite', ['build'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('[plume] the build failed; run `npm run build` to see why.');
    process.exit(1);
  }
}
