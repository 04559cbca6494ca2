// Context windows change rarely, but Ollama's loaded context changes when a model is reloaded,
// so answers are kept for a minute: long enough for a conversation, short enough to notice.
import type { ContextWindowInfo } from '../../shared/context-window';

const KEEP_MS = 60_000;

export class ContextCache {
  private readonly entries = new Map<string, { at: number; value: Promise<ContextWindowInfo | null> }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string, load: () => Promise<ContextWindowInfo | null>): Promise<ContextWindowInfo | null> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < KEEP_MS) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    // A failed lookup is not remembered: the next question asks again.
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
