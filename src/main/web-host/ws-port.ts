// The host's end of a browser-mode reply socket.
import type { WebSocket } from 'ws';
import type { PortLike } from '../../shared/port/port';
import { fromTextSocket } from '../../shared/port/text-socket-port';

export function fromServerSocket(ws: WebSocket): PortLike {
  const { port, receive, closed } = fromTextSocket({
    send: (text) => ws.send(text),
    isOpen: () => ws.readyState === ws.OPEN,
    close: () => ws.close(),
  });
  ws.on('message', (data, isBinary) => {
    if (!isBinary) receive(data.toString());
  });
  ws.on('close', closed);
  ws.on('error', closed);
  return port;
}
