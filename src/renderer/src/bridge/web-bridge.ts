// Browser mode: `invoke` is a POST to the host, each reply stream its own WebSocket that speaks the
// same port protocol as an Electron MessagePort. Both carry this run's access token: a header on
// the POST, a subprotocol on the socket (the only custom value a browser WebSocket can send).
import type { InvokeResult, PlumeBridge } from '../../../shared/contract';
import type { ImportResult } from '../../../shared/conversations';
import type { PortLike } from '../../../shared/port/port';
import { fromTextSocket } from '../../../shared/port/text-socket-port';
import { BridgeError } from './errors';
import { accessToken } from './web-token';

export function webBridge(origin = window.location.origin): PlumeBridge {
  accessToken(); // take the token out of the address bar as the page starts
  return {
    async invoke(channel, req) {
      let response: Response;
      try {
        response = await fetch(`${origin}/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Plume-Token': accessToken() ?? '' },
          body: req === undefined ? '' : JSON.stringify(req),
        });
      } catch {
        throw new BridgeError({ kind: 'unreachable', message: 'Plume\'s browser-mode host is not running. Start it again with `npm run web`.' });
      }
      if (!response.ok) throw new BridgeError({ kind: 'config', message: await response.text() });
      const result = (await response.json()) as InvokeResult<unknown>;
      if (!result.ok) throw new BridgeError(result.error);
      return result.value as never;
    },
    // Streamed from disk by the browser; the host writes it to a temp file (up to 200 MB).
    async importFile(file, jobId) {
      let response: Response;
      try {
        response = await fetch(`${origin}/import?job=${encodeURIComponent(jobId)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', 'X-Plume-Token': accessToken() ?? '' },
          body: file,
        });
      } catch {
        throw new BridgeError({ kind: 'unreachable', message: 'Plume\'s browser-mode host is not running. Start it again with `npm run web`.' });
      }
      const result = (await response.json().catch(() => null)) as InvokeResult<ImportResult> | null;
      if (!result) throw new BridgeError({ kind: 'config', message: `The import upload failed (HTTP ${response.status}).` });
      if (!result.ok) throw new BridgeError(result.error);
      return result.value;
    },
    openStream(request) {
      const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/stream`, ['plume', `plume-token.${accessToken() ?? ''}`]);
      return new Promise<PortLike>((resolve, reject) => {
        socket.addEventListener('open', () => {
          socket.send(JSON.stringify(request));
          resolve(fromClientSocket(socket));
        }, { once: true });
        socket.addEventListener('error', () => reject(new BridgeError({ kind: 'unreachable', message: 'Could not reach Plume\'s browser-mode host.' })), { once: true });
      });
    },
  };
}

function fromClientSocket(socket: WebSocket): PortLike {
  const { port, receive, closed } = fromTextSocket({
    send: (text) => socket.send(text),
    isOpen: () => socket.readyState === WebSocket.OPEN,
    close: () => socket.close(),
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data === 'string') receive(event.data);
  });
  socket.addEventListener('close', closed);
  return port;
}
