// Where a reply's tool calls stand in its text. Each call carries `at`, the length of the text
// written before it, so a reply that wrote text, called a tool, then wrote more (a multi-step
// reply) reads in that order: text, the call, the rest of the text.

export type ReplyPiece<C> =
  | { kind: 'text'; start: number; end: number }
  /** Calls that appeared at the same point (parallel calls of one step) stay together. */
  | { kind: 'calls'; at: number; calls: C[] };

export function placeCalls<C extends { at: number }>(textLength: number, calls: readonly C[] | undefined): ReplyPiece<C>[] {
  const pieces: ReplyPiece<C>[] = [];
  let start = 0;
  for (const call of calls ?? []) {
    // A position past the text (or a damaged one) puts the call after what there is.
    const at = Number.isFinite(call.at) ? Math.min(Math.max(call.at, start), textLength) : textLength;
    const last = pieces.at(-1);
    if (last?.kind === 'calls' && last.at === at) {
      last.calls.push(call);
      continue;
    }
    if (at > start) pieces.push({ kind: 'text', start, end: at });
    pieces.push({ kind: 'calls', at, calls: [call] });
    start = at;
  }
  if (textLength > start || pieces.length === 0) pieces.push({ kind: 'text', start, end: textLength });
  return pieces;
}
