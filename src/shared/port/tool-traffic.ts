// Tool-call traffic on a reply's port. It rides on the same messages as the text, under the
// same credit, so a window that cannot keep up slows tool arguments exactly as it slows text.
// While there is no credit, argument pieces for the same call are coalesced; the order of calls
// and the position of each call in the text are kept.

export type ToolTraffic =
  /** A call appeared; `at` is the length of the reply text written before it. */
  | { k: 'call'; callId: string; name: string; at: number; providerRun?: boolean }
  | { k: 'args'; callId: string; text: string }
  /** The call's arguments are final (`complete`) or the reply stopped inside them. */
  | { k: 'end'; callId: string; complete: boolean };

export class ToolTrafficQueue {
  private items: ToolTraffic[] = [];

  push(item: ToolTraffic): void {
    const last = this.items.at(-1);
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
    if (!isString(m['callId'])) return false;
    if (m['k'] === 'call') return isString(m['name']) && typeof m['at'] === 'number';
    if (m['k'] === 'args') return isString(m['text']);
    return m['k'] === 'end' && typeof m['complete'] === 'boolean';
  });
}
