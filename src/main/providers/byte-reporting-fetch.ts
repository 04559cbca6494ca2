// The idle-stream watchdog needs to know the connection is alive even when the provider sends
// only comments or pings, which the SDKs swallow. So we watch the raw body on its way into the
// SDK: every received chunk counts, and nothing is parsed here.

type Fetch = typeof globalThis.fetch;

/** Statuses whose Response may not carry a body (the Response constructor throws otherwise). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

export function fetchReportingBytes(onBytes: (() => void) | undefined, baseFetch: Fetch = globalThis.fetch): Fetch {
  if (!onBytes) return baseFetch;
  return async (input, init) => {
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
