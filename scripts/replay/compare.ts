// Compares what Plume showed with a sidecar's `expected`. The sidecars count usage as each
// provider reported it; Plume normalizes it (input without cache, output without reasoning), so
// usage is compared through that mapping rather than field by field.
import type { AdapterKind } from '../../src/main/providers/types';
import type { Usage } from '../../src/shared/provider-events';
import type { Seen } from './run-body';

export interface Expected {
  text: string;
  reasoning: string;
  usage: { inputTokens?: number; outputTokens?: number; reasoningTokens?: number } | null;
  finish: string | null;
  rawFinish: string | null;
  error: { message: string } | null;
  toolCalls: unknown[];
  compare: 'exact' | 'trim';
  /** Alternative outcomes that are equally true, e.g. `finish length` or `error "…"`. */
  accept?: string[];
  /** No finish_reason, yet the stream ended properly: the reply is complete. */
  completed?: boolean;
}

export interface Difference {
  field: string;
  expected: unknown;
  got: unknown;
  /** A difference in the tool calls (name, arguments, who runs it), counted on its own line too. */
  toolCall: boolean;
}

export function compare(kind: AdapterKind, expected: Expected, seen: Seen): Difference[] {
  const out: Difference[] = [];
  const differ = (field: string, want: unknown, got: unknown, toolCall = false) => out.push({ field, expected: want, got, toolCall });
  const norm = (s: string) => (expected.compare === 'trim' ? s.trim() : s);
  if (norm(seen.text) !== norm(expected.text)) differ('text', expected.text, seen.text);
  if (norm(seen.reasoning) !== norm(expected.reasoning)) differ('reasoning', expected.reasoning, seen.reasoning);
  compareUsage(kind, expected.usage, seen.usage, differ);
  compareEnding(expected, seen, differ);
  compareToolCalls(expected.toolCalls as ExpectedCall[], seen.toolCalls, differ);
  return out;
}

interface ExpectedCall {
  name: string;
  arguments: string;
  /** Present for Anthropic: true when the provider runs the tool itself. */
  server?: boolean;
}

/** Names in order; arguments as JSON values (whitespace aside; an empty text is `{}`). */
function compareToolCalls(want: ExpectedCall[], got: Seen['toolCalls'], differ: (field: string, want: unknown, got: unknown, toolCall?: boolean) => void): void {
  if (want.length !== got.length) return differ('toolCalls', want.map((c) => c.name), got.map((c) => c.name), true);
  want.forEach((call, i) => {
    const seen = got[i]!;
    if (seen.name !== call.name) differ(`toolCalls[${i}].name`, call.name, seen.name, true);
    if (!sameArguments(call.arguments, seen.arguments)) differ(`toolCalls[${i}].arguments`, call.arguments, seen.arguments, true);
    if (call.server !== undefined && call.server !== seen.server) differ(`toolCalls[${i}].server`, call.server, seen.server, true);
  });
}

function sameArguments(want: string, got: string): boolean {
  if (want === got) return true;
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text.trim() === '' ? '{}' : text);
    } catch {
      return undefined;
    }
  };
  const a = parse(want);
  const b = parse(got);
  // Text cut inside the JSON (max tokens) does not parse: then the text itself must match.
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function compareUsage(
  kind: AdapterKind,
  want: Expected['usage'],
  got: Usage | undefined,
  differ: (field: string, want: unknown, got: unknown) => void,
): void {
  if (want === null) {
    if (got !== undefined) differ('usage', null, got);
    return;
  }
  if (got === undefined) return differ('usage', want, undefined);
  // Anthropic's input already excludes the cache; OpenAI-style prompt_tokens include it.
  const input = kind === 'anthropic' ? got.inputTokens : sum(got.inputTokens, got.cacheReadTokens, got.cacheWriteTokens);
  if (want.inputTokens !== input) differ('usage.input', want.inputTokens, input);
  // Reported output either includes reasoning (OpenAI, DeepSeek, Anthropic) or not (xAI).
  const outputs = [got.outputTokens, sum(got.outputTokens, got.reasoningTokens)];
  if (!outputs.includes(want.outputTokens)) differ('usage.output', want.outputTokens, outputs);
  if (want.reasoningTokens !== undefined && want.reasoningTokens !== got.reasoningTokens) {
    differ('usage.reasoning', want.reasoningTokens, got.reasoningTokens);
  }
}

function compareEnding(expected: Expected, seen: Seen, differ: (field: string, want: unknown, got: unknown) => void): void {
  const outcomes = new Set<string>();
  if (expected.accept) expected.accept.forEach((a) => outcomes.add(a));
  else outcomes.add(describeExpected(expected));
  const got = describeSeen(seen);
  if (!outcomes.has(got)) differ('ending', [...outcomes].join(' or '), got);
  // Without an error, the raw finish reason must match too (it drives "Stopped: max tokens").
  if (!seen.error && seen.finish !== undefined && expected.rawFinish !== null && seen.rawFinish !== expected.rawFinish) {
    differ('rawFinish', expected.rawFinish, seen.rawFinish);
  }
}

function describeExpected(expected: Expected): string {
  if (expected.error) return `error ${JSON.stringify(expected.error.message)}`;
  if (expected.finish) return `finish ${expected.finish}`;
  return expected.completed ? 'finish stop' : 'interrupted';
}

function describeSeen(seen: Seen): string {
  if (seen.error) return `error ${JSON.stringify(seen.error.detail ?? seen.error.message)}`;
  if (seen.finish) return `finish ${seen.finish}`;
  return 'interrupted';
}

function sum(...values: Array<number | undefined>): number | undefined {
  return values.every((v) => v === undefined) ? undefined : values.reduce<number>((a, v) => a + (v ?? 0), 0);
}
