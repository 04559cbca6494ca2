// Tool calls between main, the window and the providers: what a finished call is, what a tool
// returned, and what the user decided. Tool output is untrusted data: the window renders it as
// text, JSON or images only, and the model receives it marked as a tool result.

/** What a tool gave back, reduced to kinds Plume can show as data. */
export type ToolResultPart =
  | { type: 'text'; text: string }
  | { type: 'image'; mimeType: string; data: string }
  /** Anything else (resources, links, audio), shown as JSON. */
  | { type: 'json'; value: unknown };

export interface ToolResult {
  parts: ToolResultPart[];
  /** The tool reported an error (or could not be reached); the model is told so. */
  isError: boolean;
}

/** Allow once / for this conversation / always for this tool, or deny (with a reason for the model). */
export type ToolDecision =
  | { kind: 'once' | 'conversation' | 'always' }
  | { kind: 'deny'; reason?: string };

/** One model step that ended in tool calls, as it goes back to the model in the next step. */
export interface ToolTurn {
  /** The text the model wrote in that step, before and between its calls. */
  text: string;
  calls: Array<{ callId: string; name: string; argsText: string; result: ToolResult }>;
}

/** A tool as offered to the model: its (provider-safe, unique) name, description and schema. */
export interface ToolSpec {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

/**
 * A tool call as the message tree keeps it: the arguments as written, and how far it got.
 * `asking` or `running` in a stored message means Plume stopped (quit or crashed) right then:
 * such a call is shown as interrupted and never run again on its own.
 */
export interface StoredToolCall {
  callId: string;
  name: string;
  argsText: string;
  /** Offset in the reply text where the call appeared. */
  at: number;
  /** false: the reply stopped inside the arguments. */
  complete: boolean;
  providerRun?: boolean;
  server?: string;
  phase?: 'asking' | 'running' | 'done' | 'skipped';
  result?: ToolResult;
  reason?: string;
}
