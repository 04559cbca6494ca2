// App-wide settings that main keeps in settings.json and the window edits: the idle-stream
// watchdog, the default provider and the price table behind per-message cost estimates.
import type { Usage } from './provider-events';

/** USD per one million tokens, per model id. Prices change often, so every row is editable. */
export interface PriceRow {
  model: string;
  inputPerMTok: number;
  /** Output and reasoning tokens: providers bill them alike. */
  outputPerMTok: number;
  /** Input read from the prompt cache; the input price when not given. */
  cacheReadPerMTok?: number;
  /** Input written to the prompt cache; the input price when not given. */
  cacheWritePerMTok?: number;
}

export interface AppSettings {
  /** Seconds without any byte from the provider before a reply is declared stalled. */
  idleTimeoutSec: number;
  /** The provider new chats start with; null lets the window pick the first one. */
  defaultProviderId: string | null;
  /** The model new chats start with on the default provider; null means that provider's own model. */
  defaultModel: string | null;
  /** The system prompt new chats start with ('' for none). */
  defaultSystemPrompt: string;
  prices: PriceRow[];
  /** A reply longer than this many million characters is stopped: bounds main's memory and the database. */
  maxReplyMB: number;
  /** Model steps in one reply (each may call tools) before Plume stops asking the model for more. */
  maxToolSteps: number;
}

export const IDLE_TIMEOUT_LIMITS = { minSec: 5, maxSec: 900 } as const;
export const MAX_REPLY_LIMITS = { minMB: 1, maxMB: 200 } as const;
export const TOOL_STEP_LIMITS = { min: 1, max: 100 } as const;
/** The setting's name as Settings shows it; the notice at the cap names it the same way. */
export const TOOL_STEPS_LABEL = 'Tool steps per reply';
/** A system prompt is a few paragraphs; this bounds what settings.json can be made to hold. */
export const MAX_DEFAULT_SYSTEM_CHARS = 100_000;
export const MAX_MODEL_ID_CHARS = 200;
/** "MB of text" as the settings screen says it: a million characters. */
export const CHARS_PER_MB = 1_000_000;

/**
 * Starting points only (list prices as published in late 2025). They are shown as estimates
 * and the settings screen invites editing them.
 */
const DEFAULT_PRICES: readonly PriceRow[] = [
  { model: 'gpt-4o', inputPerMTok: 2.5, outputPerMTok: 10, cacheReadPerMTok: 1.25 },
  { model: 'gpt-4o-mini', inputPerMTok: 0.15, outputPerMTok: 0.6, cacheReadPerMTok: 0.075 },
  { model: 'gpt-4.1', inputPerMTok: 2, outputPerMTok: 8, cacheReadPerMTok: 0.5 },
  { model: 'gpt-4.1-mini', inputPerMTok: 0.4, outputPerMTok: 1.6, cacheReadPerMTok: 0.1 },
  // Anthropic: cache reads at a tenth of input, 5-minute cache writes at 1.25×.
  { model: 'claude-sonnet-4-5', inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3, cacheWritePerMTok: 3.75 },
  { model: 'claude-haiku-4-5', inputPerMTok: 1, outputPerMTok: 5, cacheReadPerMTok: 0.1, cacheWritePerMTok: 1.25 },
  { model: 'claude-opus-4-1', inputPerMTok: 15, outputPerMTok: 75, cacheReadPerMTok: 1.5, cacheWritePerMTok: 18.75 },
  { model: 'deepseek-chat', inputPerMTok: 0.27, outputPerMTok: 1.1, cacheReadPerMTok: 0.07 },
];

export const DEFAULT_SETTINGS: AppSettings = {
  idleTimeoutSec: 60,
  defaultProviderId: null,
  defaultModel: null,
  defaultSystemPrompt: '',
  prices: [...DEFAULT_PRICES],
  maxReplyMB: 10,
  maxToolSteps: 10,
};

/**
 * The row for a model: an exact id first, else the longest row id that prefixes it, so dated
 * snapshots (gpt-4o-mini-2024-07-18) use their family's price. Local models match nothing.
 */
export function priceFor(prices: readonly PriceRow[], model: string | undefined): PriceRow | undefined {
  if (!model) return undefined;
  const exact = prices.find((row) => row.model === model);
  if (exact) return exact;
  let best: PriceRow | undefined;
  for (const row of prices) {
    if (row.model !== '' && model.startsWith(`${row.model}-`) && row.model.length > (best?.model.length ?? 0)) best = row;
  }
  return best;
}

/** USD for one reply, each kind of token at its own price; undefined without any counts. */
export function costUSD(usage: Usage, row: PriceRow): number | undefined {
  const { inputTokens = 0, cacheReadTokens = 0, cacheWriteTokens = 0, outputTokens = 0, reasoningTokens = 0 } = usage;
  if (usage.inputTokens === undefined && usage.outputTokens === undefined && usage.reasoningTokens === undefined) return undefined;
  const micro =
    inputTokens * row.inputPerMTok +
    cacheReadTokens * (row.cacheReadPerMTok ?? row.inputPerMTok) +
    cacheWriteTokens * (row.cacheWritePerMTok ?? row.inputPerMTok) +
    (outputTokens + reasoningTokens) * row.outputPerMTok;
  return micro / 1_000_000;
}
