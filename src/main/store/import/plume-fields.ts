// The typed fields of a Plume export that the window reads as they are (a reply's error, its
// stats, its finish reason, a conversation's options). A wrong type here used to be stored and
// then blank the whole window, so every field is checked; values from a newer Plume that this
// build does not know (a new error kind or finish reason) are repaired to the catch-all, and
// unknown keys are dropped. Known keys keep the file's order, so a round trip is byte-for-byte.
import type { GenerationOptions, ReplyStats } from '../../../shared/chat';
import type { ErrorKind, FinishReason, PlumeError, Usage } from '../../../shared/provider-events';
import { ImportError, member, num, obj, oneOf, optStr, str, type Json } from './read.ts';

// Records, not arrays, so the compiler notices a kind added to the shared type and not here.
const ERROR_KINDS: Record<ErrorKind, true> = {
  auth: true, permission: true, rate_limit: true, bad_request: true, server: true, unreachable: true, connection_lost: true,
  provider_error: true, interrupted: true, stalled: true, config: true, storage: true, too_long: true, unknown: true,
};
const FINISH_REASONS: Record<FinishReason, true> = { stop: true, length: true, content_filter: true, tool_calls: true, refusal: true, other: true };

type Reader = (v: Json, where: string) => unknown;

const absent = (v: Json | undefined): v is null | undefined => v === undefined || v === null;

/** The keys of `o` that `spec` knows, each read by its reader; null values count as absent. */
function fields(o: { [k: string]: Json }, spec: Record<string, Reader>, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) {
    const read = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (read && !absent(value)) out[key] = read(value, member(where, key));
  }
  return out;
}

const known =
  <T extends string>(table: Record<T, true>, fallback: T): Reader =>
  (v, where) => {
    const s = str(v, where);
    return Object.hasOwn(table, s) ? s : fallback;
  };

const boolean: Reader = (v, where) => {
  if (typeof v !== 'boolean') throw new ImportError(where, 'should be true or false');
  return v;
};

export function readFinish(v: Json | undefined, where: string): FinishReason | null {
  return absent(v) ? null : (known(FINISH_REASONS, 'other')(v, where) as FinishReason);
}

export function readError(v: Json | undefined, where: string): PlumeError | null {
  if (absent(v)) return null;
  const e = obj(v, where);
  str(e.message, `${where}.message`);
  str(e.kind, `${where}.kind`);
  return fields(e, { kind: known(ERROR_KINDS, 'unknown'), message: str, status: num, retryAfterSec: num, detail: str }, where) as unknown as PlumeError;
}

const readUsage: Reader = (v, where) => fields(obj(v, where), { inputTokens: num, outputTokens: num, reasoningTokens: num }, where) as Usage;

export function readStats(v: Json | undefined, where: string): ReplyStats | null {
  if (absent(v)) return null;
  const stats = fields(obj(v, where), { ttftMs: num, tokensPerSec: num, usage: readUsage, estimated: boolean }, where);
  stats.usage ??= {};
  stats.estimated ??= false;
  return stats as unknown as ReplyStats;
}

export function readOptions(v: Json | undefined, where: string): GenerationOptions {
  if (absent(v)) return {};
  const effort: Reader = (value, at) => oneOf(value, ['low', 'medium', 'high'] as const, at);
  return fields(obj(v, where), { temperature: num, maxOutputTokens: num, thinkingBudget: num, reasoningEffort: effort }, where) as GenerationOptions;
}
