// The data folder's lock when the disk is full (made real with RLIMIT_FSIZE, `ulimit -f 0`, in a
// child process): the first host still takes the folder, and a second start on it refuses instead
// of taking an unnamed lock for a stale one.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderBusy, lockDataFolder } from '../../../src/main/web-host/data-lock';
import { tempDirs } from '../../support/temp-dirs';

const CHILD = fileURLToPath(new URL('./data-lock-full-disk-child.ts', import.meta.url));
const folder = tempDirs('plume-lock-');
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = once(child, 'exit');
    child.stdin?.end();
    await exited;
  }
});

/** A holder started with no room on disk, once it says it has the lock. */
async function holderOnFullDisk(dir: string): Promise<ChildProcess> {
  const child = spawn('bash', ['-c', 'ulimit -f 0 && exec "$0" --import tsx "$1" "$2"', process.execPath, CHILD, dir], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk) => (err += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}): ${err}`)));
  });
  return child;
}

describe('the data folder lock on a full disk', () => {
  it('a second start refuses a lock taken with no room to name its holder, and says how to clear it', { timeout: 60_000 }, async () => {
    const dir = folder();
    await holderOnFullDisk(dir);
    expect(existsSync(join(dir, 'plume.lock'))).toBe(true);
    let refused: unknown;
    try {
      lockDataFolder(dir).release();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataFolderBusy);
    expect((refused as Error).message).toContain(`If no Plume is running, delete ${join(dir, 'plume.lock')}`);
    expect((refused as Error).message).toContain('names no process');
  });

  it('a lock appears whole, naming its holder; an unreadable one is refused, not taken over', () => {
    const dir = folder();
    const lock = lockDataFolder(dir);
    try {
      expect(JSON.parse(readFileSync(join(dir, 'plume.lock'), 'utf8'))).toEqual({ pid: process.pid });
      lock.announce('http://127.0.0.1:9');
      expect(JSON.parse(readFileSync(join(dir, 'plume.lock'), 'utf8'))).toEqual({ pid: process.pid, origin: 'http://127.0.0.1:9' });
      expect(readdirSync(dir)).toEqual(['plume.lock']); // no temporary file left beside it
      // Whose a damaged lock is cannot be told either: a start refuses it too.
      const other = folder();
      writeFileSync(join(other, 'plume.lock'), '{"pid":');
      expect(() => lockDataFolder(other)).toThrow(DataFolderBusy);
    } finally {
      lock.release();
    }
    expect(existsSync(join(dir, 'plume.lock'))).toBe(false);
  });
});
