// MCP servers as the settings screen sees them. Secret values (environment values, header
// values, bearer tokens) go from the window to main once and never come back: views carry only
// their names and hints, like API keys.

export type McpTransportKind = 'stdio' | 'http';

export interface McpServerInput {
  /** Absent when adding a server. */
  id?: string;
  name: string;
  enabled: boolean;
  transport: McpTransportKind;
  /** stdio: the program, its arguments (one per entry, never split by a shell), working directory. */
  command?: string;
  args?: string[];
  cwd?: string;
  /** stdio: extra environment. Undefined keeps the stored one; {} removes it. */
  env?: Record<string, string>;
  /** http: the Streamable HTTP endpoint. */
  url?: string;
  /** http: extra headers. Undefined keeps the stored ones; {} removes them. */
  headers?: Record<string, string>;
  /** http: sent as `Authorization: Bearer …`. Undefined keeps it; '' removes it. */
  bearerToken?: string;
  /** http: try the old HTTP+SSE transport when Streamable HTTP is refused. */
  sseFallback?: boolean;
}

export type McpStatus =
  | { state: 'stopped' }
  /** A local server that has not been approved to start (or whose command changed since). */
  | { state: 'needs-consent' }
  | { state: 'connecting' }
  | { state: 'ready'; toolCount: number; transport: 'stdio' | 'streamable-http' | 'sse' }
  | { state: 'failed'; reason: string; stderrTail?: string };

/** ask: the user decides each call (or for the conversation); allow: runs at once; deny: never. */
export type McpToolPolicy = 'ask' | 'allow' | 'deny';

export interface McpToolView {
  name: string;
  title?: string;
  description?: string;
  /** The tool's JSON Schema for its arguments, as the server sent it. */
  inputSchema: unknown;
  enabled: boolean;
  policy: McpToolPolicy;
}

/** What main stores and what the window sees alike: nothing secret. */
export interface McpServerBasics {
  id: string;
  name: string;
  enabled: boolean;
  transport: McpTransportKind;
  command: string;
  args: string[];
  cwd?: string;
  url?: string;
  sseFallback: boolean;
}

export interface McpServerView extends McpServerBasics {
  /** Environment variable names with a hint of each value (`abc…xyz`), never the value. */
  env: Array<{ name: string; hint: string }>;
  headerNames: string[];
  hasBearerToken: boolean;
  /** stdio: the exact command line that will run, every argument quoted, nothing cut. */
  commandLine: string;
  /** stdio: what the user approves; main starts the server only with this exact fingerprint approved. */
  consent: { needed: boolean; fingerprint: string };
  status: McpStatus;
  tools: McpToolView[];
}
