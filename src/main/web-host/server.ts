// Browser mode: the same services as the Electron app, served to a normal browser from
// 127.0.0.1. `invoke` is a POST per call; each reply gets its own WebSocket, which carries the
// very same credit protocol as an Electron MessagePort.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch } from '../services/dispatch';
import type { PlumeService } from '../services/plume-service';
import { allowedHost, allowedOrigin, contentSecurityPolicy, type Gate, hasTokenHeader, hasTokenProtocol, STREAM_PROTOCOL } from './security';
import { isDownloadPath, sendDownload } from './export-download';
import { handleImportUpload, IMPORT_UPLOAD_PATH } from './import-upload';
import { readStatic } from './static-files';
import { fromServerSocket } from './ws-port';

export interface WebHostOptions {
  service: PlumeService;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
}

export interface WebHost {
  /** The URL to open, token included. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * One RPC body or reply request. The largest the normal UI sends is a message at the documented
 * limits (src/shared/limits.ts): 2 M characters (up to 6 MB of UTF-8, more once JSON-escaped)
 * plus 4 MiB of files as base64; 32 MiB leaves room for both.
 */
const MAX_REQUEST_BYTES = 32 * 1024 * 1024;
const TEXT = 'text/plain; charset=utf-8';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const gate: Gate = { token: options.token ?? randomBytes(24).toString('base64url'), port: 0 };
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_REQUEST_BYTES,
    handleProtocols: (offered) => (offered.has(STREAM_PROTOCOL) ? STREAM_PROTOCOL : false),
  });
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, TEXT, `Internal error: ${(error as Error).message}`);
    });
  });
  // A client that sends garbage (bad request line, huge headers, a reset) gets a 400 or a closed
  // socket; it never reaches a handler and never takes the host down.
  server.on('clientError', (_error, socket) => refuse(socket, '400 Bad Request'));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.on('error', () => res.destroy());
    if (!allowedHost(req, gate)) return send(res, 421, TEXT, 'Wrong host.');
    const path = requestPath(req);
    if (path === null) return send(res, 400, TEXT, 'Malformed request target.');

    if (req.method === 'POST' && path.startsWith('/rpc/')) {
      if (!hasTokenHeader(req, gate)) {
        return send(res, 403, TEXT, 'Open Plume with the address printed by `npm run web`: it carries this run\'s access token.');
      }
      if (!allowedOrigin(req, gate)) return send(res, 403, TEXT, 'Cross-origin request refused.');
      const channel = decodeOrNull(path.slice(5));
      if (channel === null) return send(res, 400, TEXT, 'Malformed channel name.');
      const body = await readBody(req);
      if (body === null) return send(res, 413, TEXT, 'Request too large.');
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : undefined;
      } catch {
        return send(res, 400, TEXT, 'Malformed JSON.');
      }
      const result = await dispatch(options.service.handlers, channel, payload);
      return send(res, 200, 'application/json', JSON.stringify(result));
    }

    if (req.method === 'POST' && path === IMPORT_UPLOAD_PATH) {
      if (!hasTokenHeader(req, gate)) return send(res, 403, TEXT, 'This upload needs this run\'s access token.');
      if (!allowedOrigin(req, gate)) return send(res, 403, TEXT, 'Cross-origin request refused.');
      const target = URL.parse(req.url ?? '/', 'http://127.0.0.1');
      if (!target) return send(res, 400, TEXT, 'Malformed request target.');
      return handleImportUpload(req, res, target, options.service);
    }

    if (req.method === 'GET' && isDownloadPath(path)) return sendDownload(req, res, path, options.service.downloads);

    // The page and its assets are public (they hold no data); everything that acts needs the token.
    if (req.method === 'GET') {
      const file = await readStatic(options.rendererDir, path);
      if (!file) return send(res, 404, TEXT, 'Not found.');
      res.writeHead(200, {
        'Content-Type': file.type,
        'Content-Security-Policy': contentSecurityPolicy(gate.port),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.end(file.body);
      return;
    }
    send(res, 405, TEXT, 'Method not allowed.');
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Handlers first: a peer that resets or sends junk must not raise an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    if (requestPath(req) !== '/stream' || !allowedHost(req, gate) || !allowedOrigin(req, gate) || !hasTokenProtocol(req, gate)) {
      return refuse(socket, '403 Forbidden');
    }
    sockets.handleUpgrade(req, socket, head, (ws) => acceptReplySocket(ws));
  });

  function acceptReplySocket(ws: WebSocket): void {
    // ws reports bad frames (too large, invalid UTF-8, unmasked, reserved opcodes) as 'error' and
    // closes the socket itself; without a listener from the start that error would end the host.
    ws.on('error', () => ws.terminate());
    // The first frame is the reply's request; everything after it is the port protocol.
    ws.once('message', (data, isBinary) => {
      let request: unknown;
      try {
        request = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        request = undefined;
      }
      options.service.openStream(request, fromServerSocket(ws));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  gate.port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${gate.port}`;

  return {
    // The token rides in the fragment: browsers never send it to any server.
    url: `${origin}/#token=${gate.token}`,
    origin,
    close: async () => {
      options.service.abortAll();
      await options.service.closeMcp();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function refuse(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/** The path of the request target, or null when it does not parse (`http://[`, `%`). */
function requestPath(req: IncomingMessage): string | null {
  return URL.parse(req.url ?? '/', 'http://127.0.0.1')?.pathname ?? null;
}

function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
