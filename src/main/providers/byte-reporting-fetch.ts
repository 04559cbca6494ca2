// The idle-stream watchdog needs to know the connection is alive even when the provider sends
// only comments or pings, which the SDKs swallow. So we watch the raw body on its way into the
// SDK: every received chunk counts, and nothing is parsed here.

type Fetch = typeof globalThis.fetch;

/** Statuses whose Response may not carry a body (the Response constructor throws otherwise). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/** What an outgoing-request observer learns: where main is about to connect, nothing else. */
export interface OutgoingRequest {
  method: string;
  url: string;
}

const observers = new Set<(request: OutgoingRequest) => void>();

/**
 * Lets a privacy check see every request the providers code makes (both SDKs and Plume's own
 * probes go through this file). Returns the function that removes the observer.
 */
export function observeOutgoingRequests(observer: (request: OutgoingRequest) => void): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

function announce(input: Parameters<Fetch>[0], init: Parameters<Fetch>[1]): void {
  if (observers.size === 0) return;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET');
  for (const observer of observers) observer({ method: method.toUpperCase(), url });
}

export function fetchReportingBytes(onBytes: (() => void) | undefined, baseFetch: Fetch = globalThis.fetch): Fetch {
  if (!onBytes) {
    return (input, init) => {
      announce(input, init);
      return baseFetch(input, init);
    };
  }
  return async (input, init) => {
    announce(input, init);
    const response = await baseFetch(input, init);
    onBytes(); // the headers arriving are a sign of life too
    if (!response.body || NULL_BODY_STATUS.has(response.status)) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          onBytes();
          controller.enqueue(chunk);
        },
      }),
    );
    // Cancelling `counted` (the SDK stopping early) propagates to the socket through the pipe.
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
