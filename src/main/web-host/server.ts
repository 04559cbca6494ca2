// Browser mode: the same services as the Electron app, served to a normal browser from
// 127.0.0.1. `invoke` is a POST per call; each reply gets its own WebSocket, which carries the
// very same credit protocol as an Electron MessagePort.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { dispatch } from '../services/dispatch';
import type { PlumeService } from '../services/plume-service';
import { allowedHost, allowedOrigin, contentSecurityPolicy, type Gate, hasToken, tokenFromQuery } from './security';
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

const MAX_BODY = 8 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const gate: Gate = { cookieName: '', token: options.token ?? randomBytes(24).toString('base64url'), port: 0 };
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${(error as Error).message}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHost(req, gate)) return send(res, 421, 'text/plain; charset=utf-8', 'Wrong host.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (req.method === 'GET' && tokenFromQuery(url, gate)) {
      // Trade the token in the URL for a cookie, so it leaves the address bar and history.
      res.writeHead(303, {
        'Set-Cookie': `${gate.cookieName}=${gate.token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      res.end();
      return;
    }
    if (!hasToken(req, gate)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Open Plume with the address printed by `npm run web`: it carries this run\'s access token.');
    }

    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      if (!allowedOrigin(req, gate)) return send(res, 403, 'text/plain; charset=utf-8', 'Cross-origin request refused.');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain; charset=utf-8', 'Request too large.');
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : undefined;
      } catch {
        return send(res, 400, 'text/plain; charset=utf-8', 'Malformed JSON.');
      }
      const result = await dispatch(options.service.handlers, decodeURIComponent(url.pathname.slice(5)), payload);
      return send(res, 200, 'application/json', JSON.stringify(result));
    }

    if (req.method === 'POST' && url.pathname === IMPORT_UPLOAD_PATH) {
      if (!allowedOrigin(req, gate)) return send(res, 403, 'text/plain; charset=utf-8', 'Cross-origin request refused.');
      return handleImportUpload(req, res, url, options.service);
    }

    if (req.method === 'GET') {
      const file = await readStatic(options.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
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
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
  }

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/stream' || !allowedHost(req, gate) || !allowedOrigin(req, gate) || !hasToken(req, gate)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
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
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  gate.port = (server.address() as AddressInfo).port;
  gate.cookieName = `plume_${gate.port}`;
  const origin = `http://127.0.0.1:${gate.port}`;

  return {
    url: `${origin}/?token=${gate.token}`,
    origin,
    close: async () => {
      options.service.abortAll();
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

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
