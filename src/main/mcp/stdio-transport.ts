// An MCP stdio transport with limits. The SDK's own StdioClientTransport buffers stdout without
// bound, so a server that floods it (or answers with 50 MB) grows main's memory until it dies.
// This one spawns with `shell: false`, gives the child only the allow-listed environment plus
// what the user set, keeps a short stderr tail for error messages, and caps every message:
// an oversized response is dropped and answered locally with a JSON-RPC error for its request,
// so the call fails with a clear reason and the server keeps running.
import { spawn, type ChildProcess } from 'node:child_process';
import { getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export interface StdioLimits {
  /** The largest single message read from the server, in characters. */
  maxMessageChars: number;
  /** How much of stderr to keep for error messages. */
  stderrTailChars: number;
}

export const DEFAULT_STDIO_LIMITS: StdioLimits = { maxMessageChars: 8 * 1024 * 1024, stderrTailChars: 4_000 };

export interface StdioServerSpec {
  command: string;
  args: string[];
  cwd?: string;
  env: Record<string, string>;
}

/** The child's environment: the SDK's allow-list (PATH, HOME, USER…) plus the user's own. */
export function serverEnvironment(userEnv: Record<string, string>): Record<string, string> {
  return { ...getDefaultEnvironment(), ...userEnv };
}

/** How long the child gets to exit after stdin closes, and after SIGTERM. */
const EXIT_GRACE_MS = 2_000;

export class LimitedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private child: ChildProcess | undefined;
  private buffer = '';
  /** While skipping an oversized message: its last characters (where the `id` is). */
  private skipping: string | null = null;
  private stderr = '';
  private closed = false;

  constructor(
    private readonly spec: StdioServerSpec,
    private readonly limits: StdioLimits = DEFAULT_STDIO_LIMITS,
  ) {}

  get stderrTail(): string {
    return this.stderr;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.spec.command, this.spec.args, {
        cwd: this.spec.cwd,
        env: serverEnvironment(this.spec.env),
        shell: false,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
      this.child = child;
      child.on('error', (error) => {
        reject(error);
        this.onerror?.(error);
        this.finish();
      });
      child.on('spawn', () => resolve());
      child.on('exit', () => this.finish());
      child.stdin?.on('error', (error) => this.onerror?.(error));
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (chunk: string) => this.read(chunk));
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        this.stderr = (this.stderr + chunk).slice(-this.limits.stderrTailChars);
      });
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      const stdin = this.child?.stdin;
      if (!stdin || this.closed) return resolve();
      if (stdin.write(`${JSON.stringify(message)}\n`)) resolve();
      else stdin.once('drain', resolve);
    });
  }

  /** Closes stdin, then SIGTERM, then SIGKILL: the order the MCP spec asks for. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return this.finish();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const within = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
    child.stdin?.end();
    if (await within(EXIT_GRACE_MS)) return;
    child.kill('SIGTERM');
    if (await within(EXIT_GRACE_MS)) return;
    child.kill('SIGKILL');
    await within(EXIT_GRACE_MS);
  }

  private read(chunk: string): void {
    let text = chunk;
    while (text.length > 0) {
      const newline = text.indexOf('\n');
      const piece = newline === -1 ? text : text.slice(0, newline);
      text = newline === -1 ? '' : text.slice(newline + 1);
      if (this.skipping !== null) {
        this.skipping = (this.skipping + piece).slice(-200);
        if (newline !== -1) this.dropOversized();
        continue;
      }
      if (this.buffer.length + piece.length > this.limits.maxMessageChars) {
        this.skipping = (this.buffer + piece).slice(-200);
        this.buffer = '';
        if (newline !== -1) this.dropOversized();
        continue;
      }
      this.buffer += piece;
      if (newline === -1) continue;
      const line = this.buffer;
      this.buffer = '';
      this.deliver(line);
    }
  }

  private deliver(line: string): void {
    if (line.trim() === '') return;
    let parsed: JSONRPCMessage;
    try {
      parsed = JSONRPCMessageSchema.parse(JSON.parse(line));
    } catch {
      // Servers that log to stdout: not a protocol message, and not worth killing them over.
      this.stderr = (this.stderr + `[stdout] ${line.slice(0, 500)}\n`).slice(-this.limits.stderrTailChars);
      return;
    }
    this.onmessage?.(parsed);
  }

  /** Answers the request an oversized response belonged to (its id is at the end) with an error. */
  private dropOversized(): void {
    const tail = this.skipping ?? '';
    this.skipping = null;
    const match = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")\s*}\s*$/.exec(tail);
    const megabytes = Math.round(this.limits.maxMessageChars / (1024 * 1024));
    const message = `The server sent a message larger than ${megabytes} MB; Plume did not read it.`;
    if (!match) {
      this.onerror?.(new Error(message));
      return;
    }
    const id = JSON.parse(match[1] as string) as string | number;
    this.onmessage?.({ jsonrpc: '2.0', id, error: { code: -32000, message } });
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}
