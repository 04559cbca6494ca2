// `npm run web`: build, then serve Plume to a browser from 127.0.0.1 (browser mode).
import { spawnSync } from 'node:child_process';
import { buildOrExit } from './app-build.mjs';

buildOrExit();
const host = spawnSync(process.execPath, ['out/main/web.js'], { stdio: 'inherit' });
process.exit(host.status ?? 0);
