// MCP tools for one reply: which tools are offered (enabled servers the user allowed to run,
// tools switched on), under which names, and how one call goes: policy, the user's decision
// (asked inline in the message), the run with progress and cancellation, and the result as data.
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { McpToolPolicy } from '../../shared/mcp';
import type { ToolResult, ToolResultPart, ToolSpec } from '../../shared/tool-calls';
import type { FinishedCall, ReplyTools, ToolRunIO } from '../stream/tool-step';
import type { McpConnection } from './connection';

/** Caps on what one result sends to the window (the model gets its own cap in the adapters). */
const MAX_TEXT_PART = 200_000;
const MAX_IMAGE_BASE64 = 8 * 1024 * 1024;

export interface OfferedServer {
  id: string;
  name: string;
  connection: McpConnection;
  tools: Tool[];
  policy(tool: string): McpToolPolicy;
}

export interface PolicyMemory {
  allowedInConversation(serverId: string, tool: string): boolean;
  allowForConversation(serverId: string, tool: string): void;
  allowAlways(serverId: string, tool: string): Promise<void>;
}

export function replyTools(servers: OfferedServer[], memory: PolicyMemory, maxSteps: number): ReplyTools | undefined {
  const byName = new Map<string, { server: OfferedServer; tool: Tool }>();
  const specs: ToolSpec[] = [];
  for (const server of servers) {
    for (const tool of server.tools) {
      const name = uniqueName(tool.name, byName);
      byName.set(name, { server, tool });
      const spec: ToolSpec = { name, inputSchema: tool.inputSchema as Record<string, unknown> };
      if (tool.description) spec.description = tool.description;
      specs.push(spec);
    }
  }
  if (specs.length === 0) return undefined;

  return {
    specs,
    maxSteps,
    async run(call: FinishedCall, io: ToolRunIO): Promise<ToolResult> {
      const offered = byName.get(call.name);
      if (!offered) return skip(io, call, `There is no tool called “${call.name}”.`);
      const { server, tool } = offered;
      const args = parseArgs(call.argsText);
      if (!args) return skip(io, call, 'The arguments are not a JSON object, so the tool was not run.');
      const policy = server.policy(tool.name);
      if (policy === 'deny') return skip(io, call, `Tools settings say never to run ${tool.name}.`);
      if (policy === 'ask' && !memory.allowedInConversation(server.id, tool.name)) {
        io.send({ k: 'ask', callId: call.callId, server: server.name, tool: tool.name });
        const decision = await io.decision(call.callId);
        if (decision.kind === 'deny') {
          const reason = decision.reason?.trim();
          return skip(io, call, reason ? `The user denied this call: ${reason}` : 'The user denied this call.');
        }
        if (decision.kind === 'conversation') memory.allowForConversation(server.id, tool.name);
        if (decision.kind === 'always') await memory.allowAlways(server.id, tool.name);
      }
      if (io.signal.aborted) return skip(io, call, 'The reply was stopped.');
      io.send({ k: 'running', callId: call.callId, server: server.name, tool: tool.name, startedAt: Date.now() });
      let result: ToolResult;
      try {
        const raw = await server.connection.callTool(tool.name, args, {
          signal: io.signal,
          onProgress: (p) => io.send({ k: 'progress', callId: call.callId, progress: p.progress, ...(p.total !== undefined ? { total: p.total } : {}), ...(p.message ? { message: p.message } : {}) }),
        });
        result = toResult(raw);
      } catch (error) {
        const stopped = io.signal.aborted;
        result = { isError: true, parts: [{ type: 'text', text: stopped ? 'Stopped by the user; the server was asked to cancel.' : `The tool could not run: ${(error as Error).message}` }] };
      }
      io.send({ k: 'result', callId: call.callId, result });
      return result;
    },
  };
}

function skip(io: ToolRunIO, call: FinishedCall, reason: string): ToolResult {
  io.send({ k: 'skipped', callId: call.callId, reason });
  return { isError: true, parts: [{ type: 'text', text: reason }] };
}

function parseArgs(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.trim() === '' ? '{}' : text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Provider APIs accept `^[a-zA-Z0-9_-]{1,64}$`; two servers may both have a `search`. */
function uniqueName(name: string, taken: Map<string, unknown>): string {
  const safe = name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 60) || 'tool';
  let candidate = safe;
  for (let n = 2; taken.has(candidate); n++) candidate = `${safe}_${n}`;
  return candidate;
}

function toResult(raw: CallToolResult): ToolResult {
  const parts: ToolResultPart[] = [];
  for (const item of raw.content ?? []) {
    if (item.type === 'text') parts.push({ type: 'text', text: item.text.length > MAX_TEXT_PART ? `${item.text.slice(0, MAX_TEXT_PART)}\n[… ${item.text.length - MAX_TEXT_PART} more characters]` : item.text });
    else if (item.type === 'image' && item.data.length <= MAX_IMAGE_BASE64) parts.push({ type: 'image', mimeType: item.mimeType, data: item.data });
    else if (item.type === 'image') parts.push({ type: 'text', text: `[an image of ${item.data.length} base64 characters, too large to show]` });
    else parts.push({ type: 'json', value: item });
  }
  if (parts.length === 0 && raw.structuredContent !== undefined) parts.push({ type: 'json', value: raw.structuredContent });
  return { parts, isError: raw.isError === true };
}
