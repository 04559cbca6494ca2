// Runs a command with a Node >= 22.12 first on PATH (see ensure-node.mjs), so `npm test`
// and friends work the same on a machine whose own Node is older.
import { spawnSync } from 'node:child_process';
import { delimiter, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeBinDir } from './ensure-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = ensureNodeBinDir();
const localBin = join(root, 'node_modules', '.bin');
const path = [binDir, localBin, process.env.PATH].filter(Boolean).join(delimiter);
const [cmd, ...args] = process.argv.slice(2);
const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, PATH: path }, shell: process.platform === 'win32' });
if (result.error) {
  console.error(`[plume] could not run ${cmd}: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
