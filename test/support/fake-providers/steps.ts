// The building blocks of a scripted reply. A streamed reply is a list of steps the fake server
// plays in order on one HTTP response; provider-specific frame builders (openai-wire.ts,
// anthropic-wire.ts) produce `send` steps, everything here is wire-format agnostic.

export type Step =
  /** Write these bytes and flush them as their own chunk. */
  | { do: 'send'; bytes: string | Uint8Array }
  /** Pause the script (the connection stays open and silent). */
  | { do: 'wait'; ms: number }
  /** Destroy the socket without finishing the response: a lost connection, as the client sees it. */
  | { do: 'drop' }
  /** Send nothing more, ever; the step ends only when the client goes away. */
  | { do: 'stall' }
  /** Pause (connection open and silent) until the test resolves this promise: a gate it opens. */
  | { do: 'until'; released: Promise<void> };

/** A `text/event-stream` response played step by step. */
export interface StreamReply {
  kind: 'stream';
  steps: Step[];
  /** Defaults to 200: providers report some failures inside a 200 stream. */
  status?: number;
  /** Plays the last step again and again until the client leaves: a provider that never ends. */
  repeatLast?: boolean;
  headers?: Record<string, string>;
}

/** A plain HTTP response sent in one go (JSON errors, HTML error pages, JSON bodies). */
export interface HttpReply {
  kind: 'http';
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** Accept the request and never answer, not even headers (for header-timeout tests). */
export interface SilentReply {
  kind: 'silent';
}

export type Reply = StreamReply | HttpReply | SilentReply;

export const send = (bytes: string | Uint8Array): Step => ({ do: 'send', bytes });
export const wait = (ms: number): Step => ({ do: 'wait', ms });
export const drop = (): Step => ({ do: 'drop' });
export const stall = (): Step => ({ do: 'stall' });
export const until = (released: Promise<void>): Step => ({ do: 'until', released });

/** A gate for `until`: the script waits at it until the test calls `open()`. */
export function gate(): { step: Step; open(): void } {
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  return { step: until(released), open };
}
/** An SSE comment line, which clients must ignore (`: keep-alive`, `: OPENROUTER PROCESSING`…). */
export const comment = (text: string): Step => send(`: ${text}\n\n`);

export const streamReply = (steps: Step[], extra: Omit<StreamReply, 'kind' | 'steps'> = {}): StreamReply => ({
  kind: 'stream',
  steps,
  ...extra,
});

/** `steps`, then the last of them forever: a reply that never finishes and never pauses. */
export const endlessReply = (steps: Step[]): StreamReply => streamReply(steps, { repeatLast: true });

export const jsonReply = (status: number, body: unknown, headers: Record<string, string> = {}): HttpReply => ({
  kind: 'http',
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** What a reverse proxy in front of a provider answers when the provider is down. */
export const htmlErrorPage = (status = 502): HttpReply => ({
  kind: 'http',
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body:
    `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head>\n` +
    `<body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n`,
});

export const silentReply = (): SilentReply => ({ kind: 'silent' });

const encoder = new TextEncoder();
const toBytes = (bytes: string | Uint8Array): Uint8Array => (typeof bytes === 'string' ? encoder.encode(bytes) : bytes);

/** Rewrites every line ending in the script as CRLF, as some proxies and servers do. */
export function withCRLF(steps: Step[]): Step[] {
  return steps.map((step) =>
    step.do === 'send' && typeof step.bytes === 'string'
      ? send(step.bytes.replace(/\r?\n/g, '\r\n'))
      : step,
  );
}

/**
 * Joins all the bytes the script sends and re-cuts them into pieces of `size` bytes, so pieces
 * end inside lines, inside JSON and inside multi-byte UTF-8 sequences. Waits, drops and stalls
 * stay at their place relative to the bytes around them. `gapMs` pauses between pieces so the
 * client really receives them as separate reads.
 */
export function rechunk(steps: Step[], size: number, gapMs = 0): Step[] {
  const out: Step[] = [];
  let pending: Uint8Array[] = [];
  const flush = () => {
    const all = concatBytes(pending);
    pending = [];
    for (let at = 0; at < all.length; at += size) {
      if (gapMs > 0 && out.length > 0) out.push(wait(gapMs));
      out.push(send(all.subarray(at, at + size)));
    }
  };
  for (const step of steps) {
    if (step.do === 'send') pending.push(toBytes(step.bytes));
    else {
      flush();
      out.push(step);
    }
  }
  flush();
  return out;
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/**
 * Cuts text into `count` pieces of near-equal length on code point boundaries (so an emoji
 * is never split here; use `rechunk` for byte-level splits).
 */
export function splitIntoTokens(text: string, count: number): string[] {
  const chars = Array.from(text);
  const pieces = Math.max(1, Math.min(count, chars.length));
  const tokens: string[] = [];
  for (let i = 0; i < pieces; i++) {
    const from = Math.floor((i * chars.length) / pieces);
    const to = Math.floor(((i + 1) * chars.length) / pieces);
    tokens.push(chars.slice(from, to).join(''));
  }
  return tokens;
}

/** Interleaves `wait(everyMs)` between the steps produced for each token. */
export function paced(perToken: Step[][], everyMs: number): Step[] {
  return perToken.flatMap((steps, i) => (i > 0 && everyMs > 0 ? [wait(everyMs), ...steps] : steps));
}
