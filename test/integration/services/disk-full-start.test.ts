// Starting with a full disk, made real with RLIMIT_FSIZE (`ulimit -f 0`: no file may grow) in a
// child process: Plume opens the history read-only and says why, instead of failing to start.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store/store';
import { tempDirs } from '../../support/temp-dirs';

const CHILD = fileURLToPath(new URL('./disk-full-start-child.ts', import.meta.url));
const folder = tempDirs('plume-full-start-');

describe('starting with a full disk', () => {
  it('opens the history read-only, lists it, says why, and refuses writes with the same words', { timeout: 60_000 }, () => {
    const dir = folder();
    const store = openStore(`${dir}/plume.db`);
    store.conversations.rename(store.conversations.create().id, 'Kept history');
    store.close();

    const run = spawnSync('bash', ['-c', 'ulimit -f 0 && exec "$0" --import tsx "$1" "$2"', process.execPath, CHILD, dir], { encoding: 'utf8', timeout: 50_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    const banner = 'Disk full — Plume opened your history read-only. Free space and restart.';
    expect(result).toEqual({ state: 'ok', readOnly: banner, problem: null, titles: ['Kept history'], writeError: banner });
  });
});
