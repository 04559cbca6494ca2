// The MCP server form's text boxes: arguments one per line (never split on spaces, so what the
// user typed is exactly what runs), environment as NAME=value lines. Main checks both again.
import type { McpServerInput, McpServerView } from '../../../shared/mcp';
import { parseHeaderLines } from '../providers/headers-text';

export interface McpFormText {
  name: string;
  transport: 'stdio' | 'http';
  enabled: boolean;
  command: string;
  args: string;
  cwd: string;
  env: string;
  url: string;
  headers: string;
  bearerToken: string;
  sseFallback: boolean;
}

export const EMPTY_MCP_FORM: McpFormText = { name: '', transport: 'stdio', enabled: true, command: '', args: '', cwd: '', env: '', url: '', headers: '', bearerToken: '', sseFallback: true };

/** A saved server as form text; secrets stay empty (an empty box keeps what is stored). */
export function formFromView(view: McpServerView): McpFormText {
  return { ...EMPTY_MCP_FORM, name: view.name, transport: view.transport, enabled: view.enabled, command: view.command, args: view.args.join('\n'), cwd: view.cwd ?? '', url: view.url ?? '', sseFallback: view.sseFallback };
}

/** Throws with a sentence for a line that is not NAME=value. */
export function parseEnvLines(text: string): Record<string, string> | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return undefined;
  const env: Record<string, string> = {};
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`"${line.trim()}" is not NAME=value.`);
    env[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return env;
}

export function inputFromForm(form: McpFormText, id?: string): McpServerInput {
  const input: McpServerInput = { name: form.name, enabled: form.enabled, transport: form.transport };
  if (id) input.id = id;
  if (form.transport === 'stdio') {
    input.command = form.command;
    input.args = form.args.split('\n').filter((line) => line !== '');
    if (form.cwd.trim()) input.cwd = form.cwd.trim();
    const env = parseEnvLines(form.env);
    if (env) input.env = env;
  } else {
    input.url = form.url.trim();
    const headers = parseHeaderLines(form.headers);
    if (headers) input.headers = headers;
    if (form.bearerToken.trim()) input.bearerToken = form.bearerToken.trim();
    input.sseFallback = form.sseFallback;
  }
  return input;
}

const SHELLS = /(^|[\\/])(sh|bash|zsh|fish|dash|cmd|cmd\.exe|powershell|powershell\.exe|pwsh)$/i;

/** The spec's "flag dangerous patterns": a shell running a script given inline. */
export function dangerNote(view: McpServerView): string | null {
  if (SHELLS.test(view.command) && view.args.some((a) => /^(-c|\/c|-command)$/i.test(a))) {
    return 'This runs a shell with an inline script: anything in that script runs with your permissions.';
  }
  if (view.args.some((a) => /(curl|wget)\b.*\|\s*(sh|bash)/.test(a))) return 'This downloads a script and runs it.';
  return null;
}
