// Claude.ai's content blocks in order: text, thinking, tool_use / tool_result pairs, and
// artifacts. An artifact (a `tool_use` named "artifacts") was the answer the user asked for, so
// it becomes readable text in the reply: its title and its content in a fence. Other tools
// become calls with their results, at the place in the text where Claude made them.
import { fence } from '../export/tool-calls.ts';
import { resultParts, type ForeignCall } from './foreign-tools.ts';
import { str, type Json, type JsonObject } from './read.ts';

export interface ClaudeContent {
  text: string;
  reasoning: string;
  calls: ForeignCall[];
}

export function readBlocks(blocks: JsonObject[], messageId: string, where: string): ClaudeContent {
  const pieces: string[] = [];
  const thinking: string[] = [];
  const calls: ForeignCall[] = [];
  const textSoFar = () => pieces.join('\n\n').length;
  blocks.forEach((b, i) => {
    if (b.type === 'text') {
      // A whitespace-only block (often the first, before a tool call) is not text to show.
      const text = str(b.text, `${where}.content[${i}].text`);
      if (text.trim() !== '') pieces.push(text);
    } else if (b.type === 'thinking' && typeof b.thinking === 'string') {
      thinking.push(b.thinking);
    } else if (b.type === 'tool_use') {
      const input = b.input && typeof b.input === 'object' && !Array.isArray(b.input) ? b.input : {};
      if (b.name === 'artifacts') {
        const shown = artifactText(input);
        if (shown) pieces.push(shown);
      } else {
        calls.push({ callId: typeof b.id === 'string' && b.id ? b.id : `${messageId}:${i}`, name: typeof b.name === 'string' ? b.name : 'tool', args: input, at: textSoFar() });
      }
    } else if (b.type === 'tool_result' && b.name !== 'artifacts') {
      const result = { isError: b.is_error === true, parts: resultParts(b.content) };
      const call = calls.find((c) => !c.result && c.callId === b.tool_use_id) ?? calls.findLast((c) => !c.result);
      if (call) call.result = result;
      else calls.push({ callId: `${messageId}:${i}`, name: typeof b.name === 'string' ? b.name : 'tool', args: {}, result, at: textSoFar() });
    }
  });
  return { text: pieces.join('\n\n'), reasoning: thinking.join('\n\n'), calls };
}

const FENCE_LANGUAGE: Record<string, string> = {
  'text/markdown': 'markdown',
  'text/html': 'html',
  'application/vnd.ant.react': 'jsx',
  'image/svg+xml': 'svg',
  'application/vnd.ant.mermaid': 'mermaid',
};

/** The artifact as Markdown: a bold title, then its content (or the change made to it) fenced. */
function artifactText(input: JsonObject): string | null {
  const text = (v: Json | undefined) => (typeof v === 'string' ? v : '');
  const title = (text(input.title) || text(input.id) || 'Artifact').replace(/\s+/g, ' ').trim();
  const language = text(input.language) || FENCE_LANGUAGE[text(input.type)] || '';
  if (text(input.content) !== '') return `**${title}**\n\n${fence(text(input.content), language)}`;
  if (input.command === 'update' && typeof input.new_str === 'string') {
    return `**${title}** (changed)\n\nReplaced:\n\n${fence(text(input.old_str), language)}\n\nwith:\n\n${fence(input.new_str, language)}`;
  }
  return null;
}
