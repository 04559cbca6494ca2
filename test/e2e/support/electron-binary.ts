// Where the Electron binary is, if it has been installed (Electron >= 42 downloads it on first
// use, which this CI machine cannot do).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary(): string | null {
  const fromEnv = process.env.ELECTRON_EXEC_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_MISSING_REASON =
  'Electron e2e skipped: the Electron binary is not installed (node_modules/electron/path.txt is missing; ' +
  'Electron >= 42 downloads it on first use and this machine cannot reach GitHub). Run `npx install-electron` ' +
  'or set ELECTRON_EXEC_PATH, and run under xvfb-run on Linux. The browser-mode suite covers the same flows.';
