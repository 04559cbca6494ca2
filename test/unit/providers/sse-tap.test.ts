// The tap that tells the OpenAI adapter about `[DONE]` and error chunks the SDK hides, whatever
// the line endings and wherever the bytes are cut.
import { describe, expect, it } from 'vitest';
import { fetchWithSseTap, SseLineSplitter } from '../../../src/main/providers/sse-tap';

function lines(pieces: string[]): string[] {
  const out: string[] = [];
  const splitter = new SseLineSplitter((line) => out.push(line));
  for (const piece of pieces) splitter.push(piece);
  splitter.end();
  return out;
}

describe('SSE lines', () => {
  it('splits on \\n, \\r\\n and \\r, also when a \\r\\n is cut in two', () => {
    expect(lines(['a\nb\r\nc\rd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(lines(['a\r', '\nb\r', '\r\nc'])).toEqual(['a', 'b', '', 'c']);
    expect(lines(['da', 'ta: x', '\n\n'])).toEqual(['data: x', '']);
  });
});

describe('the tap', () => {
  async function tapped(body: string, cut = 3): Promise<{ done: number; errors: unknown[]; passed: string }> {
    const seen = { done: 0, errors: [] as unknown[] };
    const bytes = new TextEncoder().encode(body);
    const fake = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (let at = 0; at < bytes.length; at += cut) controller.enqueue(bytes.slice(at, at + cut));
            controller.close();
          },
        }),
      );
    const response = await fetchWithSseTap(fake, { onDone: () => seen.done++, onErrorChunk: (chunk) => seen.errors.push(chunk) })('http://x');
    const passed = await response.text();
    return { ...seen, passed };
  }

  it('passes every byte through unchanged and reports [DONE] once its event is complete', async () => {
    const body = 'data: {"a":1}\r\n\r\ndata: [DONE]\r\n\r\n';
    expect(await tapped(body)).toEqual({ done: 1, errors: [], passed: body });
    // Without the blank line that ends it, the event is never dispatched (as in the SDK).
    expect((await tapped('data: [DONE]\n')).done).toBe(0);
  });

  it('hands over a chunk with a top-level error, usage and all; text that only mentions "error" is left alone', async () => {
    const body = 'data: {"choices":[{"delta":{"content":"an \\"error\\": none"}}]}\n\ndata: {"error":{"message":"Token limit reached"},"usage":{"prompt_tokens":4}}\n\n';
    expect((await tapped(body, 5)).errors).toEqual([{ error: { message: 'Token limit reached' }, usage: { prompt_tokens: 4 } }]);
  });
});
