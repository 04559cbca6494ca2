// The token counts under a reply, one per kind so cost is explainable: "176 in / 1024 cache read
// / 44 out / 256 reasoning". Kinds the provider did not report are left out, and so is an
// estimated 0 out (a reply that failed before any text): a count nobody measured is not shown.
import type { Usage } from '../../../shared/provider-events';

export function usageText(usage: Usage, estimated: boolean): string {
  const parts: string[] = [];
  if (usage.inputTokens !== undefined) parts.push(`${usage.inputTokens} in`);
  if (usage.cacheReadTokens) parts.push(`${usage.cacheReadTokens} cache read`);
  if (usage.cacheWriteTokens) parts.push(`${usage.cacheWriteTokens} cache write`);
  if (usage.outputTokens !== undefined && !(estimated && usage.outputTokens === 0)) parts.push(`${estimated ? '~' : ''}${usage.outputTokens} out`);
  if (usage.reasoningTokens) parts.push(`${usage.reasoningTokens} reasoning`);
  return parts.join(' / ');
}
