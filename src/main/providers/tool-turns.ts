// This reply's tool steps in each provider's wire format: the tools offered, the assistant turn
// that called them and the results that answer it. Tool output is untrusted: it reaches the
// model only as a tool result (never as user or system text), capped in size.
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import type { ContentBlockParam, MessageParam, Tool, ToolResultBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { ToolResult, ToolSpec, ToolTurn } from '../../shared/tool-calls';

/** The most characters of one tool result a model receives. */
export const MAX_RESULT_CHARS = 100_000;

/** A result as text, for providers whose tool messages hold only text. */
export function resultText(result: ToolResult): string {
  const text = result.parts
    .map((part) => (part.type === 'text' ? part.text : part.type === 'image' ? `[image ${part.mimeType}, ${Math.round((part.data.length * 3) / 4)} bytes]` : JSON.stringify(part.value)))
    .join('\n');
  return capped(result.isError && text === '' ? 'The tool failed without saying why.' : text);
}

function capped(text: string): string {
  if (text.length <= MAX_RESULT_CHARS) return text;
  return `${text.slice(0, MAX_RESULT_CHARS)}\n[Plume cut this tool result: ${(text.length - MAX_RESULT_CHARS).toLocaleString('en')} more characters were not sent.]`;
}

/**
 * Arguments as an object; text that is not a JSON object (a call cut off mid-arguments) becomes
 * `{}`, since servers that read the history (Ollama, llama.cpp, Anthropic) refuse anything else.
 */
function argsObject(argsText: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(argsText === '' ? '{}' : argsText);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The arguments as written when they are a JSON object (numbers keep their digits), else `{}`. */
function argsJson(argsText: string): string {
  const object = argsObject(argsText);
  return Object.keys(object).length === 0 ? '{}' : argsText;
}

export function openaiTools(specs: ToolSpec[]): ChatCompletionTool[] {
  return specs.map((spec) => ({
    type: 'function',
    function: { name: spec.name, ...(spec.description ? { description: spec.description } : {}), parameters: spec.inputSchema },
  }));
}

export function openaiToolTurnMessages(turns: ToolTurn[]): ChatCompletionMessageParam[] {
  return turns.flatMap((turn): ChatCompletionMessageParam[] => [
    {
      role: 'assistant',
      content: turn.text === '' ? null : turn.text,
      tool_calls: turn.calls.map((c) => ({ id: c.callId, type: 'function', function: { name: c.name, arguments: argsJson(c.argsText) } })),
    },
    ...turn.calls.map((c): ChatCompletionMessageParam => ({ role: 'tool', tool_call_id: c.callId, content: (c.result.isError ? 'Error: ' : '') + resultText(c.result) })),
  ]);
}

export function anthropicTools(specs: ToolSpec[]): Tool[] {
  return specs.map((spec) => ({
    name: spec.name,
    ...(spec.description ? { description: spec.description } : {}),
    input_schema: { type: 'object', ...spec.inputSchema },
  }));
}

export function anthropicToolTurnMessages(turns: ToolTurn[]): MessageParam[] {
  return turns.flatMap((turn): MessageParam[] => {
    const called: ContentBlockParam[] = turn.calls.map((c) => ({ type: 'tool_use', id: c.callId, name: c.name, input: argsObject(c.argsText) }));
    if (turn.text.trim() !== '') called.unshift({ type: 'text', text: turn.text });
    const results: ToolResultBlockParam[] = turn.calls.map((c) => ({
      type: 'tool_result',
      tool_use_id: c.callId,
      is_error: c.result.isError,
      content: anthropicResultContent(c.result),
    }));
    return [
      { role: 'assistant', content: called },
      { role: 'user', content: results },
    ];
  });
}

/** Images go as images (Claude reads them); the rest as capped text. */
function anthropicResultContent(result: ToolResult): ToolResultBlockParam['content'] {
  const images = result.parts.filter((p) => p.type === 'image' && /^image\/(png|jpeg|gif|webp)$/.test(p.mimeType));
  const text = resultText({ ...result, parts: result.parts.filter((p) => !images.includes(p)) });
  return [
    ...(text !== '' ? [{ type: 'text' as const, text }] : []),
    ...images.map((p) => {
      const image = p as Extract<ToolResult['parts'][number], { type: 'image' }>;
      return { type: 'image' as const, source: { type: 'base64' as const, media_type: image.mimeType as 'image/png', data: image.data } };
    }),
  ];
}

/**
 * Earlier tool steps as plain assistant text, for a request that offers no tools: some servers
 * (Bedrock, gateways, local templates) refuse tool blocks without tool definitions. The results
 * stay in the assistant's own turn, marked as tool output, never as the user's words.
 */
export function toolTurnsAsText(turns: ToolTurn[], rest: string): string {
  const steps = turns.map((turn) =>
    [
      turn.text,
      ...turn.calls.map(toolCallAsText),
    ]
      .filter((piece) => piece.trim() !== '')
      .join('\n\n'),
  );
  return [...steps, rest].filter((piece) => piece.trim() !== '').join('\n\n');
}

/** One call and what came of it, as text marked as tool output. */
export function toolCallAsText(call: ToolTurn['calls'][number]): string {
  return `[Tool call ${call.name} ${argsJson(call.argsText)} → ${call.result.isError ? 'error' : 'result'}:\n${resultText(call.result)}\n(end of tool output)]`;
}
