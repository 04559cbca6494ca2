import type { ChatItem } from '../store/chat-store';

/** The per-message stats line: "TTFT 320 ms · 84.2 tok/s · 12 in / ~240 out". */
export function statsLine(item: ChatItem, now: number): string | null {
  const parts: string[] = [];
  if (item.ttftMs !== undefined) parts.push(`TTFT ${formatMs(item.ttftMs)}`);
  const rate = item.stats?.tokensPerSec ?? liveRate(item, now);
  if (rate !== undefined) parts.push(`${rate.toFixed(1)} tok/s`);
  const usage = item.stats?.usage;
  if (usage) {
    const mark = item.stats?.estimated ? '~' : '';
    const input = usage.inputTokens !== undefined ? `${usage.inputTokens} in / ` : '';
    parts.push(`${input}${mark}${usage.outputTokens ?? 0} out`);
  }
  return parts.length ? parts.join(' · ') : null;
}

function liveRate(item: ChatItem, now: number): number | undefined {
  if (item.state !== 'streaming' || item.firstTokenAt === undefined) return undefined;
  const seconds = (now - item.firstTokenAt) / 1000;
  if (seconds < 0.25) return undefined;
  return (item.text.length + item.reasoning.length) / 4 / seconds;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
