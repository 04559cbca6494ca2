// Serves one recorded response body from 127.0.0.1, byte for byte, at whatever path the SDK
// asks for: whole in one write, or cut into small pieces (inside lines and UTF-8 sequences) with
// a turn of the event loop between them so each piece reaches the client on its own.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Cut = 'whole' | 'pieces';

export interface BodyServer {
  baseURL: string;
  close(): Promise<void>;
}

export async function serveBody(body: Buffer, contentType: string, cut: Cut, pathPrefix: string): Promise<BodyServer> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
      if (cut === 'whole') {
        response.end(body);
        return;
      }
      void writePieces(body, (piece) => response.write(piece)).then(() => response.end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}${pathPrefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Piece sizes 1–9 bytes from a fixed sequence, so a failure replays the same way. */
async function writePieces(body: Buffer, write: (piece: Buffer) => void): Promise<void> {
  let seed = 7;
  for (let at = 0; at < body.length; ) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const size = 1 + (seed % 9);
    write(body.subarray(at, at + size));
    at += size;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
