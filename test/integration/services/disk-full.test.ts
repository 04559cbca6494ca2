// Disk full mid-reply, made real with RLIMIT_FSIZE (`ulimit -f`) in a child process: the reply
// stops with "Disk full", the text the window received is all there, and the app keeps running.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./disk-full-child.ts', import.meta.url));
const LIMIT_KB = 512;

describe('disk full while a reply streams', () => {
  it('stops the reply with "Disk full", keeps its text in the window and keeps the app running', { timeout: 60_000 }, () => {
    const run = spawnSync('bash', ['-c', `ulimit -f ${LIMIT_KB} && exec "$0" --import tsx "$1"`, process.execPath, CHILD], {
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(run.stderr).not.toMatch(/cannot rollback/);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result.outcome).toMatchObject({
      state: 'error',
      error: { kind: 'storage', message: 'Disk full — your text so far is kept in memory; free space and press Retry.' },
    });
    // Stopped part-way (the provider had 2 MB to send), and the conversation list still loads.
    expect(result.received).toBeGreaterThan(0);
    expect(result.received).toBeLessThan(2_000_000);
    expect(result.conversations).toBe(1);
  });
});
