// Builds the renderer once for the e2e run (browser mode serves the real build) and fails with a
// clear sentence when Chromium is missing, instead of letting every test time out.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './browser';

const root = join(import.meta.dirname, '../../..');

export default function setup(): void {
  if (!chromiumPath()) {
    throw new Error('Chromium was not found. Install it with `apt-get install -y chromium` (or set PLUME_CHROMIUM to a Chromium binary).');
  }
  if (process.env.PLUME_SKIP_BUILD === '1' && existsSync(join(root, 'out/renderer/index.html'))) return;
  const result = spawnSync('electron-vite', ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error('electron-vite build failed; see above.');
}
