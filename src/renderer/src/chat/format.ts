import { costUSD, priceFor } from '../../../shared/settings';
import { formatMs, formatUSD } from '../../../shared/stats-format';
import type { ChatItem } from './store/chat-store';
import { priceTable } from '../providers/price-table';
import { usageText } from './usage-text';


/** The per-message stats line: "TTFT 320 ms · 84.2 tok/s · 12 in / ~240 out · ≈ $0.0024". */
export function statsLine(item: ChatItem, now: number): string | null {
  const parts: string[] = [];
  if (item.ttftMs !== undefined) parts.push(`TTFT ${formatMs(item.ttftMs)}`);
  const rate = item.stats?.tokensPerSec ?? liveRate(item, now);
  if (rate !== undefined) parts.push(`${rate.toFixed(1)} tok/s`);
  const usage = item.stats?.usage;
  const counts = usage ? usageText(usage, item.stats?.estimated === true) : '';
  if (usage && counts) {
    parts.push(counts);
    const row = priceFor(priceTable(), item.model);
    const cost = row ? costUSD(usage, row) : undefined;
    // Always "≈": the price table is the user's estimate, and the tokens may be estimated too.
    if (cost !== undefined) parts.push(`≈ ${formatUSD(cost)}`);
  }
  return parts.length ? parts.join(' · ') : null;
}


function liveRate(item: ChatItem, now: number): number | undefined {
  if (item.state !== 'streaming' || item.firstTokenAt === undefined) return undefined;
  const seconds = (now - item.firstTokenAt) / 1000;
  if (seconds < 0.25) return undefined;
  return (item.text.length + item.reasoning.length) / 4 / seconds;
}
