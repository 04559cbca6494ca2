// One browser-mode host per data folder: a second `npm run web` on the same folder says which
// process holds it and exits without touching anything; a lock left by a killed host is taken
// over; a normal stop removes it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostDidNotStart, type HostProcess, startHostProcess } from './support/host-process';

const running: HostProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const host of running.splice(0)) await host.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'plume-lock-'));
  dirs.push(dir);
  return dir;
};
const start = async (dir: string) => {
  const host = await startHostProcess(dir);
  running.push(host);
  return host;
};

describe('two browser-mode hosts on one data folder', () => {
  it('the second says which process holds the folder and exits; the first keeps its providers', async () => {
    const dir = folder();
    const first = await start(dir);
    await first.rpc('providers:save', { name: 'Mine', kind: 'openai', baseURL: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'sk-lock-0123456789abcdef' });

    const second = await startHostProcess(dir).then(
      (host) => {
        running.push(host);
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(HostDidNotStart);
    const refused = second as HostDidNotStart;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Plume is already running on the data folder ${dir} (process ${first.child.pid}, at ${first.origin})`);
    expect(refused.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    expect(refused.stderr).not.toContain(first.token);

    const [provider] = await first.rpc<Array<{ name: string; hasKey: boolean }>>('providers:list', null);
    expect(provider).toMatchObject({ name: 'Mine', hasKey: true });
  });

  it('a lock left by a killed host is taken over, and a normal stop removes it', async () => {
    const dir = folder();
    const killed = await startHostProcess(dir);
    const exited = once(killed.child, 'exit');
    killed.child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(dir, 'plume.lock'))).toBe(true);

    const next = await start(dir);
    expect(JSON.parse(readFileSync(join(dir, 'plume.lock'), 'utf8'))).toEqual({ pid: next.child.pid, origin: next.origin });
    await next.stop();
    expect(existsSync(join(dir, 'plume.lock'))).toBe(false);
  });
});
