// Size limits for remote MCP servers, like the stdio transport's: the SDK's HTTP transports read
// a JSON response whole and an SSE event whole, so one huge message from a server would grow
// main's memory without bound. This fetch wraps each response body: a JSON body or an SSE event
// larger than the cap is dropped while it streams (never held past the cap) and replaced by a
// JSON-RPC error for the request it answered, so that call fails with a clear message and the
// connection goes on.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

type Id = string | number;

export function limitedFetch(maxBytes: number = DEFAULT_MAX_MESSAGE_BYTES, base: FetchLike = fetch): FetchLike {
  return async (url, init) => {
    const response = await base(url, init);
    if (!response.body || response.status === 204) return response;
    const type = response.headers.get('content-type') ?? '';
    const answers = requestId(init?.body);
    const message = `The server sent a message larger than ${Math.round(maxBytes / (1024 * 1024))} MB; Plume did not read it.`;
    let limiter: TransformStream<Uint8Array, Uint8Array>;
    if (type.includes('text/event-stream')) limiter = sseLimiter(maxBytes, message, answers);
    else if (type.includes('json')) limiter = jsonLimiter(maxBytes, message);
    else return response;
    return new Response(response.body.pipeThrough(limiter), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The id of the one JSON-RPC request a POST carried, if it carried exactly one. */
function requestId(body: unknown): Id | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    const parsed = JSON.parse(body) as { id?: unknown };
    return typeof parsed.id === 'string' || typeof parsed.id === 'number' ? parsed.id : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON response is read whole by the SDK: past the cap the body fails, and so does the call it answers. */
function jsonLimiter(maxBytes: number, message: string): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) controller.error(new Error(message));
      else controller.enqueue(chunk);
    },
  });
}

const LF = 10;
const CR = 13;

/**
 * Passes SSE events through whole once they end (a blank line), holding at most one event up to
 * the cap. An event past the cap is skipped to its end and answered with an error event for the
 * request it belonged to: its id is at the end of the JSON (as the stdio transport reads it),
 * or the id of the request this response stream answers.
 */
function sseLimiter(maxBytes: number, message: string, answers: Id | undefined): TransformStream<Uint8Array, Uint8Array> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let skipping = false;
  let tail = '';
  let last = 0;
  let beforeLast = 0;
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();

  const take = (piece: Uint8Array) => {
    if (!skipping && heldBytes + piece.byteLength <= maxBytes) {
      held.push(piece);
      heldBytes += piece.byteLength;
      return;
    }
    if (!skipping) {
      skipping = true;
      held = [];
      heldBytes = 0;
    }
    tail = (tail + decoder.decode(piece.subarray(Math.max(0, piece.byteLength - 200)))).slice(-200);
  };

  const endEvent = (controller: TransformStreamDefaultController<Uint8Array>) => {
    if (skipping) {
      const id = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")\s*}\s*$/.exec(tail)?.[1];
      const answered = id !== undefined ? (JSON.parse(id) as Id) : answers;
      if (answered !== undefined) {
        const error = { jsonrpc: '2.0', id: answered, error: { code: -32000, message } };
        controller.enqueue(encoder.encode(`event: message\ndata: ${JSON.stringify(error)}\n\n`));
      }
    } else {
      for (const piece of held) controller.enqueue(piece);
    }
    held = [];
    heldBytes = 0;
    skipping = false;
    tail = '';
  };

  return new TransformStream({
    transform(chunk, controller) {
      let start = 0;
      for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) {
        const previous = at > 0 ? chunk[at - 1] : last;
        const twoBack = at > 1 ? chunk[at - 2] : at === 1 ? last : beforeLast;
        // An event ends with an empty line: "\n\n" or "\r\n\r\n".
        if (previous === LF || (previous === CR && twoBack === LF)) {
          take(chunk.subarray(start, at + 1));
          endEvent(controller);
          start = at + 1;
        }
      }
      if (start < chunk.byteLength) take(chunk.subarray(start));
      if (chunk.byteLength >= 2) [beforeLast, last] = [chunk[chunk.byteLength - 2] as number, chunk[chunk.byteLength - 1] as number];
      else if (chunk.byteLength === 1) [beforeLast, last] = [last, chunk[0] as number];
    },
    flush(controller) {
      if (heldBytes > 0 || skipping) endEvent(controller);
    },
  });
}
