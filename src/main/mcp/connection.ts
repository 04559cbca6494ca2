// One running MCP server: the official SDK's Client over a limited stdio transport, or over
// Streamable HTTP with the old HTTP+SSE transport as a fallback on a fresh client. It keeps the
// status the settings screen shows (with the stderr tail when a local server fails) and the
// tool list, refreshed when the server says it changed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ToolListChangedNotificationSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { McpStatus } from '../../shared/mcp';
import { limitedFetch } from './limited-fetch';
import { LimitedStdioTransport, type StdioLimits, type StdioServerSpec } from './stdio-transport';

export type ConnectionTarget =
  | { kind: 'stdio'; spec: StdioServerSpec; limits?: StdioLimits }
  | { kind: 'http'; url: string; headers: Record<string, string>; sseFallback: boolean; maxMessageBytes?: number };

export interface ConnectionTimeouts {
  /** Connect and initialize. */
  startMs: number;
  /** tools/list. */
  listMs: number;
  /** A tool call without progress for this long fails; progress resets the clock. */
  callIdleMs: number;
  /** A tool call fails after this long whatever its progress. */
  callTotalMs: number;
}

export const DEFAULT_TIMEOUTS: ConnectionTimeouts = { startMs: 30_000, listMs: 30_000, callIdleMs: 60_000, callTotalMs: 10 * 60_000 };

const CLIENT_INFO = { name: 'plume', version: '0.1.0' };
const MAX_TOOL_PAGES = 20;

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: { progress: number; total?: number; message?: string }) => void;
}

export class McpConnection {
  status: McpStatus = { state: 'stopped' };
  tools: Tool[] = [];
  private client: Client | undefined;
  private transport: Transport | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly target: ConnectionTarget,
    private readonly timeouts: ConnectionTimeouts = DEFAULT_TIMEOUTS,
    private readonly onChange: () => void = () => {},
  ) {}

  /** Starts once; concurrent callers share the same start. Resolves with the status reached. */
  start(): Promise<void> {
    if (this.status.state === 'ready') return Promise.resolve();
    this.starting ??= this.connect().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async callTool(name: string, args: Record<string, unknown>, options: CallOptions = {}): Promise<CallToolResult> {
    await this.start();
    const client = this.client;
    if (!client || this.status.state !== 'ready') throw new Error(this.failureText());
    const result = await client.callTool({ name, arguments: args }, undefined, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onprogress: options.onProgress } : {}),
      timeout: this.timeouts.callIdleMs,
      resetTimeoutOnProgress: true,
      maxTotalTimeout: this.timeouts.callTotalMs,
    });
    return result as CallToolResult;
  }

  /** The last lines the server wrote to stderr (local servers only). */
  get stderrTail(): string {
    return this.transport instanceof LimitedStdioTransport ? this.transport.stderrTail : '';
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.transport = undefined;
    await client?.close().catch(() => {});
    this.set({ state: 'stopped' });
  }

  private async connect(): Promise<void> {
    await this.close();
    this.set({ state: 'connecting' });
    try {
      const { client, transport, kind } = await this.open();
      this.client = client;
      this.transport = transport;
      client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
        this.tools = await this.listTools(client).catch(() => this.tools);
        this.onChange();
      });
      this.tools = await this.listTools(client);
      transport.onclose = chain(transport.onclose, () => {
        if (this.client !== client) return;
        this.client = undefined;
        this.set({ state: 'failed', reason: 'The server stopped.', ...this.stderr(transport) });
      });
      this.set({ state: 'ready', toolCount: this.tools.length, transport: kind });
    } catch (error) {
      const transport = this.transport;
      await this.close();
      this.set({ state: 'failed', reason: describe(error), ...this.stderr(transport) });
    }
  }

  private async open(): Promise<{ client: Client; transport: Transport; kind: 'stdio' | 'streamable-http' | 'sse' }> {
    const target = this.target;
    const options = { timeout: this.timeouts.startMs };
    if (target.kind === 'stdio') {
      const transport = new LimitedStdioTransport(target.spec, target.limits);
      this.transport = transport;
      const client = new Client(CLIENT_INFO);
      await client.connect(transport, options);
      return { client, transport, kind: 'stdio' };
    }
    const requestInit = { headers: target.headers };
    // Every response body is size-capped, like a stdio server's messages.
    const capped = limitedFetch(target.maxMessageBytes);
    try {
      const transport = new StreamableHTTPClientTransport(new URL(target.url), { requestInit, fetch: capped });
      this.transport = transport;
      const client = new Client(CLIENT_INFO);
      await client.connect(transport, options);
      return { client, transport, kind: 'streamable-http' };
    } catch (error) {
      if (!target.sseFallback) throw error;
      // The old transport, on a fresh client: a half-initialized one cannot be reused.
      const transport = new SSEClientTransport(new URL(target.url), {
        requestInit,
        fetch: capped,
        eventSourceInit: { fetch: (url, init) => capped(url, { ...init, headers: { ...init?.headers, ...target.headers } }) },
      });
      this.transport = transport;
      const client = new Client(CLIENT_INFO);
      await client.connect(transport, options);
      return { client, transport, kind: 'sse' };
    }
  }

  private async listTools(client: Client): Promise<Tool[]> {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_TOOL_PAGES; page++) {
      const result = await client.listTools(cursor ? { cursor } : undefined, { timeout: this.timeouts.listMs });
      tools.push(...result.tools);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return tools;
  }

  private stderr(transport: Transport | undefined): { stderrTail?: string } {
    const tail = transport instanceof LimitedStdioTransport ? transport.stderrTail.trim() : '';
    return tail ? { stderrTail: tail } : {};
  }

  private failureText(): string {
    return this.status.state === 'failed' ? `The MCP server is not running: ${this.status.reason}` : 'The MCP server is not running.';
  }

  private set(status: McpStatus): void {
    this.status = status;
    this.onChange();
  }
}

function chain(first: (() => void) | undefined, second: () => void): () => void {
  return () => {
    first?.();
    second();
  };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return `The command was not found: ${message}`;
  return message;
}
