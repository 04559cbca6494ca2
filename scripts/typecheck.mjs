// Type-checks each runtime with its own globals: Node code must not touch the DOM.
import { spawnSync } from 'node:child_process';

let failed = false;
for (const project of ['tsconfig.node.json', 'tsconfig.web.json']) {
  const result = spawnSync('tsc', ['--noEmit', '-p', project], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`[plume] type errors in ${project}: see above.`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
