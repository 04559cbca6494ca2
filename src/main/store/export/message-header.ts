// What the readable exports say about each message and conversation: who wrote it (the provider's
// name as the user set it, never its internal id), when, and optionally how fast and how much.
import type { PriceRow } from '../../../shared/settings';
import { costUSD, priceFor } from '../../../shared/settings.ts';
import { formatMs, formatUSD } from '../../../shared/stats-format.ts';
import type { SnapshotMessage } from '../snapshot.ts';
import type { OrderedMessage } from './active-path.ts';

export interface HeaderOptions {
  /** The provider's display name (provider settings); undefined for one no longer configured. */
  providerName?: (id: string) => string | undefined;
  /** Adds TTFT, tokens and (with prices) cost to each reply's header. */
  stats?: boolean;
  prices?: readonly PriceRow[];
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** "OpenAI · gpt-4o", "gpt-4o" when the provider is unknown here, null without a model. */
export function modelLabel(providerId: string | null, model: string | null, o: HeaderOptions): string | null {
  const provider = providerId ? o.providerName?.(providerId) : undefined;
  if (!model) return provider ?? null;
  return provider ? `${provider} · ${model}` : model;
}

export function role(m: SnapshotMessage): string {
  return m.role === 'user' ? 'You' : m.role === 'system' ? 'System' : 'Assistant';
}

/** The parts after the role: model, version, time, stats. */
export function headerDetails(item: OrderedMessage, o: HeaderOptions): string[] {
  const m = item.message;
  const parts: string[] = [];
  if (m.role === 'assistant') {
    const label = modelLabel(m.providerId, m.model, o);
    if (label) parts.push(label);
  }
  if (item.version) parts.push(`version ${item.version.index} of ${item.version.count}`);
  parts.push(isoDate(m.createdAt));
  if (o.stats && m.stats) parts.push(...statsParts(m, o.prices ?? []));
  return parts;
}

function statsParts(m: SnapshotMessage, prices: readonly PriceRow[]): string[] {
  const s = m.stats;
  if (!s) return [];
  const parts: string[] = [];
  if (s.ttftMs !== undefined) parts.push(`TTFT ${formatMs(s.ttftMs)}`);
  if (s.tokensPerSec !== undefined) parts.push(`${s.tokensPerSec.toFixed(1)} tok/s`);
  const u = s.usage;
  if (u.inputTokens !== undefined || u.outputTokens !== undefined) {
    const mark = s.estimated ? '~' : '';
    parts.push(`${u.inputTokens !== undefined ? `${u.inputTokens} in / ` : ''}${mark}${u.outputTokens ?? 0} out`);
    const row = priceFor(prices, m.model ?? undefined);
    const cost = row ? costUSD(u, row) : undefined;
    if (cost !== undefined) parts.push(`≈ ${formatUSD(cost)}`);
  }
  return parts;
}
