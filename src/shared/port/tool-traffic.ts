// Tool-call traffic on a reply's port. It rides on the same messages as the text, under the
// same credit, so a window that cannot keep up slows tool arguments exactly as it slows text.
// While there is no credit, argument pieces for the same call are coalesced; the order of calls
// and the position of each call in the text are kept.
import type { ToolResult } from '../tool-calls';

export type ToolTraffic =
  /** A call appeared; `at` is the length of the reply text written before it. */
  | { k: 'call'; callId: string; name: string; at: number; providerRun?: boolean }
  | { k: 'args'; callId: string; text: string }
  /** The call's arguments are final (`complete`) or the reply stopped inside them. */
  | { k: 'end'; callId: string; complete: boolean }
  /** Main waits for the user's decision (sent back as a `decide` control message). */
  | { k: 'ask'; callId: string; server: string; tool: string }
  | { k: 'running'; callId: string; server: string; tool: string; startedAt: number }
  | { k: 'progress'; callId: string; progress: number; total?: number; message?: string }
  | { k: 'result'; callId: string; result: ToolResult }
  /** Not run: denied by the user or by policy, or not a tool Plume offered. */
  | { k: 'skipped'; callId: string; reason: string }
  /** Something about the reply as a whole, e.g. the step cap was reached. */
  | { k: 'notice'; text: string };

export class ToolTrafficQueue {
  private items: ToolTraffic[] = [];

  push(item: ToolTraffic): void {
    const last = this.items.at(-1);
    // Only the latest progress of a call matters to a window that is behind.
    if (item.k === 'progress' && last?.k === 'progress' && last.callId === item.callId) {
      this.items[this.items.length - 1] = item;
      return;
    }
    // Argument pieces pile up as one entry per run: pending memory is the text, not the pieces.
    if (item.k === 'args' && last?.k === 'args' && last.callId === item.callId) last.text += item.text;
    else this.items.push(item.k === 'args' ? { ...item } : item);
  }

  get length(): number {
    return this.items.length;
  }

  take(): ToolTraffic[] {
    const taken = this.items;
    this.items = [];
    return taken;
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** Checks traffic arriving from the other side of a port; anything malformed is rejected whole. */
export function isToolTraffic(value: unknown): value is ToolTraffic[] {
  if (!Array.isArray(value)) return false;
  return value.every((item: unknown) => {
    if (typeof item !== 'object' || item === null) return false;
    const m = item as Record<string, unknown>;
    if (m['k'] === 'notice') return isString(m['text']);
    if (!isString(m['callId'])) return false;
    switch (m['k']) {
      case 'call':
        return isString(m['name']) && typeof m['at'] === 'number';
      case 'args':
        return isString(m['text']);
      case 'end':
        return typeof m['complete'] === 'boolean';
      case 'ask':
        return isString(m['server']) && isString(m['tool']);
      case 'running':
        return isString(m['server']) && isString(m['tool']) && typeof m['startedAt'] === 'number';
      case 'progress':
        return typeof m['progress'] === 'number';
      case 'result':
        return typeof m['result'] === 'object' && m['result'] !== null && Array.isArray((m['result'] as { parts?: unknown }).parts);
      case 'skipped':
        return isString(m['reason']);
      default:
        return false;
    }
  });
}
