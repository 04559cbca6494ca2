// ChatGPT's tool turns: an assistant message addressed to a tool (`recipient` "python",
// "browser", "web.run", "dalle.text2im"…) is the call; the `tool` message after it is the
// output (code-interpreter `execution_output`, browsing `tether_browsing_display` and
// `tether_quote`, `system_error`…). Both are hidden nodes between the messages Plume shows.
import type { ToolResult } from '../../../shared/tool-calls';
import type { ForeignCall } from './foreign-tools.ts';
import { resultParts } from './foreign-tools.ts';
import type { Json, JsonObject } from './read.ts';

export type ToolStep = { key: string; call: { name: string; args: Json | string } } | { key: string; output: { name: string; result: ToolResult } };

export function callStep(key: string, recipient: string, content: JsonObject): ToolStep {
  const text = typeof content.text === 'string' ? content.text : Array.isArray(content.parts) ? content.parts.filter((p) => typeof p === 'string').join('\n') : '';
  // Code-interpreter cells are code, not JSON: they keep their text under `code`.
  const args = recipient === 'python' || (content.content_type === 'code' && !looksLikeJson(text)) ? { code: text } : text;
  return { key, call: { name: recipient, args } };
}

export function outputStep(key: string, name: string, content: JsonObject, meta: JsonObject): ToolStep {
  return { key, output: { name, result: outputResult(content, meta) } };
}

function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

function outputResult(content: JsonObject, meta: JsonObject): ToolResult {
  const type = content.content_type;
  const str = (v: Json | undefined) => (typeof v === 'string' ? v : '');
  if (type === 'system_error') return { isError: true, parts: [{ type: 'text', text: [str(content.name), str(content.text)].filter(Boolean).join(': ') }] };
  if (type === 'execution_output') {
    const images = imageCount(meta);
    const text = str(content.text) + (images ? `${content.text ? '\n' : ''}[${images} image${images > 1 ? 's' : ''} shown in ChatGPT; not in the export]` : '');
    return { isError: failed(meta), parts: text === '' ? [] : [{ type: 'text', text }] };
  }
  if (type === 'tether_browsing_display') return { isError: false, parts: resultParts([str(content.result), str(content.summary)].filter(Boolean).join('\n\n')) };
  if (type === 'tether_quote') {
    const text = [str(content.title), str(content.url), '', str(content.text)].join('\n').trim();
    return { isError: false, parts: resultParts(text) };
  }
  if (typeof content.text === 'string') return { isError: false, parts: resultParts(content.text) };
  if (Array.isArray(content.parts)) return { isError: false, parts: resultParts(content.parts) };
  return { isError: false, parts: [{ type: 'json', value: content }] };
}

/** Charts and images the cell drew are only referenced by file-service ids in the export. */
function imageCount(meta: JsonObject): number {
  const aggregate = meta.aggregate_result;
  if (!aggregate || typeof aggregate !== 'object' || Array.isArray(aggregate) || !Array.isArray(aggregate.messages)) return 0;
  return aggregate.messages.filter((m) => !!m && typeof m === 'object' && !Array.isArray(m) && m.message_type === 'image').length;
}

function failed(meta: JsonObject): boolean {
  const aggregate = meta.aggregate_result;
  return !!aggregate && typeof aggregate === 'object' && !Array.isArray(aggregate) && aggregate.in_kernel_exception !== null && aggregate.in_kernel_exception !== undefined;
}

/** Steps in the order they happened, paired: each output answers the latest call still waiting. */
export function pairSteps(steps: ToolStep[]): ForeignCall[] {
  const calls: ForeignCall[] = [];
  for (const step of steps) {
    if ('call' in step) {
      calls.push({ callId: step.key, name: step.call.name, args: step.call.args, at: 0 });
      continue;
    }
    const waiting = calls.findLast((c) => !c.result);
    if (waiting) waiting.result = step.output.result;
    // Output without a visible call (a plugin's or the browser's own quote): a call of its own.
    else calls.push({ callId: step.key, name: step.output.name, args: {}, result: step.output.result, at: 0 });
  }
  return calls;
}
