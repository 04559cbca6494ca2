// Time to first token and tokens per second for one reply.
import type { ReplyStats } from '../../shared/chat';
import type { Usage } from '../../shared/provider-events';

/** A rough 4-characters-per-token estimate, used only when the provider reports no usage. */
function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.round(text.length / 4));
}

export class StatsClock {
  private readonly startedAt: number;
  private firstTokenAt: number | undefined;
  private usage: Usage = {};

  constructor(private readonly now: () => number = () => performance.now()) {
    this.startedAt = now();
  }

  /** Returns TTFT in ms the first time a token arrives, undefined afterwards. */
  markToken(): number | undefined {
    if (this.firstTokenAt !== undefined) return undefined;
    this.firstTokenAt = this.now();
    return Math.round(this.firstTokenAt - this.startedAt);
  }

  addUsage(usage: Usage): void {
    // Providers send cumulative counts (Anthropic's message_delta) or one total: keep the latest.
    this.usage = { ...this.usage, ...definedOnly(usage) };
  }

  finish(outputText: string): ReplyStats {
    const end = this.now();
    const estimated = this.usage.outputTokens === undefined;
    const outputTokens = this.usage.outputTokens ?? estimateTokens(outputText);
    const usage: Usage = { ...this.usage, outputTokens };
    if (usage.inputTokens === undefined) delete usage.inputTokens;
    const stats: ReplyStats = { usage, estimated };
    if (this.firstTokenAt !== undefined) {
      stats.ttftMs = Math.round(this.firstTokenAt - this.startedAt);
      const seconds = (end - this.firstTokenAt) / 1000;
      // Reasoning streams too, so it counts toward the rate. One burst has no meaningful rate.
      const generated = outputTokens + (estimated ? 0 : (usage.reasoningTokens ?? 0));
      if (seconds >= 0.05 && generated > 1) stats.tokensPerSec = Math.round((generated / seconds) * 10) / 10;
    }
    return stats;
  }
}

function definedOnly(usage: Usage): Usage {
  return Object.fromEntries(Object.entries(usage).filter(([, v]) => typeof v === 'number')) as Usage;
}
