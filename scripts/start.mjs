// `npm start`: build and launch the Electron app. Electron >= 42 downloads its binary on first
// use; where that cannot happen, say so plainly and point to browser mode.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildOrExit, electronBinary, electronDir } from './app-build.mjs';

buildOrExit();

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
