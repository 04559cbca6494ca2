// `npm run web`: build, then serve Plume to a browser from 127.0.0.1 (browser mode).
import { spawnSync } from 'node:child_process';

const build = spawnSync('electron-vite', ['build'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.error('[plume] the build failed; run `npm run build` to see why.');
  process.exit(1);
}
const host = spawnSync(process.execPath, ['out/main/web.js'], { stdio: 'inherit' });
process.exit(host.status ?? 0);
