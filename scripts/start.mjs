// `npm start`: build and launch the Electron app. Electron >= 42 downloads its binary on first
// use; where that cannot happen, say so plainly and point to browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  if (process.env.ELECTRON_EXEC_PATH && existsSync(process.env.ELECTRON_EXEC_PATH)) return process.env.ELECTRON_EXEC_PATH;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const build = spawnSync('electron-vite', ['build'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.error('[plume] the build failed; run `npm run build` to see why.');
  process.exit(1);
}

let binary = electronBinary();
if (!binary) {
  console.log('[plume] the Electron binary is not installed yet; fetching it (install-electron)…');
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  binary = electronBinary();
}
if (!binary) {
  console.error(
    '\n[plume] Plume could not start as a desktop app because the Electron binary is missing and ' +
      'could not be downloaded (Electron fetches it from GitHub on first use, and this machine cannot ' +
      'reach it). Everything else is installed: run `npm run web` to use Plume in your browser from ' +
      '127.0.0.1 with the same features, or install Electron on a machine with internet access and set ' +
      'ELECTRON_EXEC_PATH to its binary.\n',
  );
  process.exit(1);
}
const app = spawnSync(binary, ['.'], { stdio: 'inherit' });
process.exit(app.status ?? 0);
