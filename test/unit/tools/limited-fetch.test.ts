// The size cap on remote MCP responses, byte by byte: SSE events pass through whole however the
// bytes are cut, one past the cap becomes an error for its request, and a JSON body past the cap fails.
import { describe, expect, it } from 'vitest';
import { limitedFetch } from '../../../src/main/mcp/limited-fetch';

const encoder = new TextEncoder();

/** A fetch that answers with `body` cut into `pieces`-byte chunks. */
function serve(body: string, type: string, pieces: number) {
  const bytes = encoder.encode(body);
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += pieces) controller.enqueue(bytes.slice(i, i + pieces));
          controller.close();
        },
      }),
      { headers: { 'content-type': type } },
    );
}

const event = (data: unknown, eol = '\n') => `event: message${eol}data: ${JSON.stringify(data)}${eol}${eol}`;

describe('limited fetch', () => {
  it('passes SSE events under the cap through unchanged, cut anywhere, LF or CRLF', async () => {
    const body = event({ jsonrpc: '2.0', method: 'notifications/progress' }) + event({ jsonrpc: '2.0', id: 1, result: {} }, '\r\n');
    for (const pieces of [1, 2, 3, 7, 1000]) {
      const response = await limitedFetch(200, serve(body, 'text/event-stream', pieces))('http://x', { method: 'POST', body: '{"id":1}' });
      expect(await response.text()).toBe(body);
    }
  });

  it('an event past the cap is replaced by an error for the request it answered; later events still arrive', async () => {
    const huge = event({ jsonrpc: '2.0', result: { text: 'x'.repeat(500) }, id: 'r-7' });
    const after = event({ jsonrpc: '2.0', method: 'notifications/message' });
    for (const pieces of [5, 64, 10_000]) {
      const response = await limitedFetch(200, serve(huge + after, 'text/event-stream', pieces))('http://x');
      const text = await response.text();
      expect(text).toBe(event({ jsonrpc: '2.0', id: 'r-7', error: { code: -32000, message: 'The server sent a message larger than 0 MB; Plume did not read it.' } }) + after);
    }
  });

  it('without an id at the end of the event, the error answers the request the POST carried', async () => {
    const huge = event({ id: 3, jsonrpc: '2.0', result: { text: 'x'.repeat(500) } });
    const response = await limitedFetch(200, serve(huge, 'text/event-stream', 50))('http://x', { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call' }) });
    expect(JSON.parse((await response.text()).split('data: ')[1]!)).toMatchObject({ id: 3, error: { code: -32000 } });
  });

  it('a JSON body past the cap fails with the clear message; one under it is read', async () => {
    const small = await limitedFetch(200, serve('{"jsonrpc":"2.0","id":1,"result":{}}', 'application/json', 4))('http://x');
    expect(await small.json()).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    const big = await limitedFetch(200, serve(JSON.stringify({ text: 'x'.repeat(500) }), 'application/json', 64))('http://x');
    await expect(big.json()).rejects.toThrow('larger than 0 MB; Plume did not read it');
  });
});
