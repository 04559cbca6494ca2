// Browser mode as the user runs it: the built host (out/main/web.js) in its own process, so a
// test can see it exit, kill it, or start a second one on the same data folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';

const hostEntry = new URL('../../../out/main/web.js', import.meta.url).pathname;

export interface HostProcess {
  child: ChildProcess;
  origin: string;
  token: string;
  /** Everything the process wrote to stderr so far. */
  stderr: string[];
  rpc<T>(channel: string, body: unknown): Promise<T>;
  /** A reply socket the way the page opens one. */
  openSocket(): WebSocket;
  stop(): Promise<void>;
}

/**
 * Spawns a host; resolves once it printed its address, or rejects with what it printed instead.
 * `fileSizeLimitKb` starts it under `ulimit -f` (0: a full disk, no file may grow).
 */
export async function startHostProcess(dataDir: string, options: { fileSizeLimitKb?: number } = {}): Promise<HostProcess> {
  const env = { ...process.env, PLUME_DATA_DIR: dataDir, PLUME_PORT: '0' };
  const [command, args] =
    options.fileSizeLimitKb === undefined
      ? [process.execPath, [hostEntry]]
      : ['bash', ['-c', `ulimit -f ${options.fileSizeLimitKb} && exec "$0" "$1"`, process.execPath, hostEntry]];
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const printed: string[] = [];
  for await (const line of createInterface({ input: child.stdout! })) {
    printed.push(line);
    const url = line.match(/(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/)?.[1];
    if (!url) continue;
    return hostHandle(child, new URL(url), stderr);
  }
  if (child.exitCode === null) await once(child, 'exit');
  throw new HostDidNotStart(child.exitCode, printed.join('\n'), stderr.join(''));
}

export class HostDidNotStart extends Error {
  constructor(readonly code: number | null, readonly stdout: string, readonly stderr: string) {
    super(`The host exited with ${code} before printing an address.\n${stdout}\n${stderr}`);
  }
}

function hostHandle(child: ChildProcess, url: URL, stderr: string[]): HostProcess {
  const origin = url.origin;
  const token = url.hash.slice('#token='.length);
  return {
    child,
    origin,
    token,
    stderr,
    async rpc<T>(channel: string, body: unknown): Promise<T> {
      const res = await fetch(`${origin}/rpc/${channel}`, {
        method: 'POST',
        headers: { 'x-plume-token': token, origin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const result = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
    openSocket: () => new WebSocket(`${origin.replace('http', 'ws')}/stream`, ['plume', `plume-token.${token}`], { headers: { origin } }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
