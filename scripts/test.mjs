// `npm test`: type-check, then every vitest project (unit + integration, browser-mode e2e in
// Chromium, Electron e2e where the binary exists), then one summary line CI can read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

console.log('[plume] type-checking…');
// Type errors fail the run, but the tests still run so one report shows everything.
const typesOk = run('node', ['scripts/typecheck.mjs']) === 0;
if (!typesOk) console.error('[plume] type errors: see above. Running the tests anyway.');

const report = join(mkdtempSync(join(tmpdir(), 'plume-test-')), 'vitest.json');
const status = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);

let summary;
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = result.numPendingTests + result.numTodoTests;
  summary = `${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped`;
} catch {
  summary = null;
}
if (summary) console.log(`\nplume: ${summary}`);
if (!typesOk) console.error('[plume] failed: type errors (see the top of this output).');
process.exit(status !== 0 ? status : typesOk ? 0 : 1);
