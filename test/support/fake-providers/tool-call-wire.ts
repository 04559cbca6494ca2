// Tool calls in both wire formats, modelled on recorded streams from OpenAI, Ollama, LM Studio,
// Mistral and Anthropic: argument text cut into pieces anywhere (inside keys, escapes and
// numbers), parallel calls, and replies that stop inside the JSON.
import * as anthropic from './anthropic-wire';
import * as openai from './openai-wire';
import type { Step } from './steps';

export interface ScriptedCall {
  id: string;
  name: string;
  /** The argument text exactly as the model writes it (need not be complete JSON). */
  args: string;
}

/** Cuts `text` into pieces of 1..maxPiece characters, varying, so cuts land everywhere. */
export function cutEverywhere(text: string, maxPiece = 3): string[] {
  const pieces: string[] = [];
  for (let at = 0, n = 0; at < text.length; n++) {
    const size = 1 + (n % maxPiece);
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  return pieces;
}

export type OpenAIStyle =
  /** OpenAI: id, type and name on the first fragment, then `{index, function: {arguments}}` only. */
  | 'openai'
  /** Ollama, Mistral: each call whole in one fragment. */
  | 'whole'
  /** LM Studio: every continuation repeats the id with an empty name. */
  | 'lmstudio'
  /** Servers that leave `index` out and tell parallel calls apart only by id. */
  | 'no-index';

/** Chat Completions fragments for `calls`, one after the other, each under its own index. */
export function openaiToolCallSteps(calls: ScriptedCall[], style: OpenAIStyle = 'openai', maxPiece = 3): Step[] {
  return calls.flatMap((call, index) => {
    const at = style === 'no-index' ? {} : { index };
    if (style === 'whole') {
      return [openai.chunk({ tool_calls: [{ ...at, id: call.id, type: 'function', function: { name: call.name, arguments: call.args } }] })];
    }
    const first = openai.chunk({ tool_calls: [{ ...at, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] });
    const rest = cutEverywhere(call.args, maxPiece).map((piece) => {
      const continuation =
        style === 'lmstudio'
          ? { ...at, id: call.id, type: 'function', function: { name: '', arguments: piece } }
          : style === 'no-index'
            ? { id: call.id, function: { arguments: piece } }
            : { ...at, function: { arguments: piece } };
      return openai.chunk({ tool_calls: [continuation] });
    });
    return [first, ...rest];
  });
}

/** A whole OpenAI-type reply: optional text, the calls, then finish_reason and [DONE]. */
export function openaiToolReply(calls: ScriptedCall[], options: { style?: OpenAIStyle; text?: string; finishReason?: string | null } = {}): Step[] {
  const finish = options.finishReason === undefined ? 'tool_calls' : options.finishReason;
  return [
    openai.roleChunk(),
    ...(options.text ? [openai.textChunk(options.text)] : []),
    ...openaiToolCallSteps(calls, options.style),
    ...(finish === null ? [] : [openai.finishChunk(finish), openai.usageChunk({ prompt: 20, completion: 10 }), openai.done()]),
  ];
}

/** One Anthropic tool_use block (or a server tool's block) with its input in pieces. */
export function anthropicToolUseSteps(index: number, call: ScriptedCall, options: { stop?: boolean; blockType?: string; maxPiece?: number } = {}): Step[] {
  const start = anthropic.frame('content_block_start', {
    index,
    content_block: { type: options.blockType ?? 'tool_use', id: call.id, name: call.name, input: {} },
  });
  const deltas = [anthropic.inputJsonDelta(index, ''), ...cutEverywhere(call.args, options.maxPiece).map((piece) => anthropic.inputJsonDelta(index, piece))];
  return [start, ...deltas, ...(options.stop === false ? [] : [anthropic.blockStop(index)])];
}

/** A whole Anthropic reply: optional text block, then each call as a tool_use block. */
export function anthropicToolReply(calls: ScriptedCall[], options: { text?: string; stopReason?: string } = {}): Step[] {
  const offset = options.text ? 1 : 0;
  const textBlock = options.text ? [anthropic.textBlockStart(0), anthropic.textDelta(0, options.text), anthropic.blockStop(0)] : [];
  return [
    anthropic.messageStart(),
    anthropic.ping(),
    ...textBlock,
    ...calls.flatMap((call, i) => anthropicToolUseSteps(i + offset, call)),
    anthropic.messageDelta(options.stopReason ?? 'tool_use', 30),
    anthropic.messageStop(),
  ];
}
