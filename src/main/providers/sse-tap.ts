// The OpenAI SDK hides two things a client needs from a Chat Completions stream: it swallows
// `data: [DONE]` (so a server that never sends a finish_reason looks like a dropped connection),
// and it throws on a chunk with a top-level `error` before anyone can read the rest of that
// chunk (OpenRouter puts the final usage there). This watches the raw body on its way into the
// SDK and reports just those two lines; everything else is left to the SDK's own parser.

type Fetch = typeof globalThis.fetch;

export interface SseTapListener {
  /** `data: [DONE]` arrived: the server says the stream is complete. */
  onDone(): void;
  /** A `data:` payload with a top-level `error` key, parsed. */
  onErrorChunk(chunk: Record<string, unknown>): void;
}

/** Cheap pre-check so only the rare error payload is parsed a second time. */
const ERROR_KEY = /"error"\s*:/;

export function fetchWithSseTap(baseFetch: Fetch, listener: SseTapListener): Fetch {
  return async (input, init) => {
    const response = await baseFetch(input, init);
    if (!response.ok || !response.body) return response;
    const lines = new SseLineSplitter(lineInspector(listener));
    const decoder = new TextDecoder();
    const tapped = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          controller.enqueue(chunk);
          lines.push(decoder.decode(chunk, { stream: true }));
        },
        flush() {
          lines.push(decoder.decode());
          lines.end();
        },
      }),
    );
    return new Response(tapped, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function lineInspector(listener: SseTapListener): (line: string) => void {
  // Like the SDK, `[DONE]` counts only once the blank line that ends its event has arrived.
  let doneLine = false;
  return (line) => {
    if (line === '') {
      if (doneLine) listener.onDone();
      doneLine = false;
    } else if (line.startsWith('data:')) {
      const data = line.slice(line.startsWith('data: ') ? 6 : 5);
      if (data.startsWith('[DONE]')) doneLine = true;
      else inspectData(data, listener);
    }
  };
}

function inspectData(data: string, listener: SseTapListener): void {
  if (!ERROR_KEY.test(data)) return;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) listener.onErrorChunk(parsed as Record<string, unknown>);
  } catch {
    // not JSON: the SDK reports that itself
  }
}

/** Splits text on \n, \r\n and \r, safe across chunk boundaries (as the SSE spec reads lines). */
export class SseLineSplitter {
  private rest = '';
  private lastWasCR = false;

  constructor(private readonly onLine: (line: string) => void) {}

  push(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 && this.lastWasCR && i === start && this.rest === '') {
        // the \n of a \r\n split across chunks
        start = i + 1;
        this.lastWasCR = false;
        continue;
      }
      this.lastWasCR = false;
      if (c === 10 || c === 13) {
        this.onLine(this.rest + text.slice(start, i));
        this.rest = '';
        if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          else if (i + 1 === text.length) this.lastWasCR = true;
        }
        start = i + 1;
      }
    }
    this.rest += text.slice(start);
  }

  end(): void {
    if (this.rest !== '') this.onLine(this.rest);
    this.rest = '';
  }
}
