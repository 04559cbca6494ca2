// How many tokens the next request will carry, as well as the window can tell: the provider's
// own count for everything up to the last reply it measured, a rough estimate for the rest.
import { estimateTokens } from '../../../../shared/context-window';
import type { AttachmentSummary } from '../attachments/types';
import type { ChatItem } from '../store/chat-store';

/** About what one image costs at the sizes Plume sends (both providers top out near 1,600). */
const IMAGE_TOKENS = 1600;
/** A PDF page is read as text and as an image: roughly one page per 50 KB in practice. */
const PDF_TOKENS_PER_BYTE = 1 / 25;

/**
 * `null` while older messages are still being read and no reply on screen was measured: a count of
 * only the newest messages would show a fraction of the conversation, and warn too late.
 */
export function conversationTokens(items: readonly ChatItem[], olderPending = false): number | null {
  const measured = items.findLastIndex((item) => item.stats?.usage.inputTokens !== undefined && !item.stats.estimated);
  if (measured < 0 && olderPending) return null;
  let total = 0;
  let from = 0;
  if (measured >= 0) {
    const usage = items[measured]!.stats!.usage;
    // What that request carried plus its reply, which the next request sends back.
    total = (usage.inputTokens ?? 0) + (usage.cacheReadTokens ?? 0) + (usage.cacheWriteTokens ?? 0) + (usage.outputTokens ?? 0);
    from = measured + 1;
  }
  for (const item of items.slice(from)) total += estimateTokens(item.text.length + toolTurnChars(item)) + filesTokens(item.attachments ?? []);
  return total;
}

/** A reply's tool calls and their results go back with every later request, so they count too. */
function toolTurnChars(item: ChatItem): number {
  let chars = 0;
  for (const call of item.toolCalls ?? []) {
    chars += call.name.length + call.argsText.length;
    if (call.run?.phase === 'done') chars += JSON.stringify(call.run.result).length;
    else if (call.run?.phase === 'skipped') chars += call.run.reason.length;
  }
  return chars;
}

export function filesTokens(files: readonly Pick<AttachmentSummary, 'kind' | 'size'>[]): number {
  let total = 0;
  for (const file of files) {
    if (file.kind === 'image') total += IMAGE_TOKENS;
    else if (file.kind === 'pdf') total += Math.ceil(file.size * PDF_TOKENS_PER_BYTE);
    else total += estimateTokens(file.size);
  }
  return total;
}
