// A reply's tool calls in the readable exports: the tool, its arguments as JSON, and what came
// of it (result text, "N image(s)", or why it did not run). The JSON export keeps them whole.
import type { StoredToolCall, ToolResult } from '../../../shared/tool-calls';
import { escapeHtml } from './render-text.ts';

function prettyArgs(argsText: string): string {
  try {
    return JSON.stringify(JSON.parse(argsText === '' ? '{}' : argsText), null, 2);
  } catch {
    return argsText;
  }
}

function outcome(call: StoredToolCall): string {
  if (!call.complete) return 'Cut off: the reply stopped inside the arguments; not run.';
  if (call.providerRun) return 'Run by the provider.';
  if (call.phase === 'done' && call.result) return call.result.isError ? 'Tool error:' : 'Result:';
  if (call.phase === 'skipped') return `Not run: ${call.reason ?? ''}`.trim();
  if (call.phase === 'asking' || call.phase === 'running') return 'Interrupted: Plume stopped before this call finished; it was not run again.';
  return 'Not run.';
}

function resultText(result: ToolResult): string {
  return result.parts.map((p) => (p.type === 'text' ? p.text : p.type === 'image' ? `[image ${p.mimeType}]` : JSON.stringify(p.value, null, 2))).join('\n');
}

/** A fence longer than any backtick run inside, so tool text cannot close it. */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

export function toolCallsToMarkdown(calls: readonly StoredToolCall[]): string[] {
  return calls.flatMap((call) => {
    const out = [`**Tool call: \`${call.name}\`**${call.server ? ` (${call.server})` : ''}`, '', fence(prettyArgs(call.argsText), 'json'), '', outcome(call)];
    if (call.phase === 'done' && call.result) out.push('', fence(resultText(call.result)));
    return [...out, ''];
  });
}

export function toolCallsToHtml(calls: readonly StoredToolCall[]): string {
  return calls
    .map((call) => {
      const result = call.phase === 'done' && call.result ? `<pre>${escapeHtml(resultText(call.result))}</pre>` : '';
      return `<div class="tool-call"><p><strong>Tool call: <code>${escapeHtml(call.name)}</code></strong>${call.server ? ` (${escapeHtml(call.server)})` : ''}</p><pre>${escapeHtml(prettyArgs(call.argsText))}</pre><p>${escapeHtml(outcome(call))}</p>${result}</div>`;
    })
    .join('\n');
}
