// A PortLike over any socket that carries text frames (browser mode's WebSocket, on both ends).
// Unlike MessagePorts, a socket does not hold messages until someone listens, so early ones are
// queued: otherwise a credit grant sent right after opening could be lost and the reply stall.
import { onceGuard, type PortLike } from './port';

export interface TextSocket {
  send(text: string): void;
  isOpen(): boolean;
  close(): void;
}

export interface TextSocketPort {
  port: PortLike;
  /** Feed every text frame the socket receives. */
  receive(text: string): void;
  /** Call when the socket closes or fails. */
  closed(): void;
}

export function fromTextSocket(socket: TextSocket): TextSocketPort {
  const closed = onceGuard();
  let listener: ((message: unknown) => void) | undefined;
  const early: unknown[] = [];
  return {
    port: {
      post: (message) => {
        if (!closed.done && socket.isOpen()) socket.send(JSON.stringify(message));
      },
      onMessage: (next) => {
        listener = next;
        for (const message of early.splice(0)) next(message);
      },
      onClose: (fn) => closed.listeners.push(fn),
      close: () => {
        if (closed.done) return;
        socket.close();
        closed.fire();
      },
    },
    receive: (text) => {
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        return; // not JSON, not ours
      }
      if (listener) listener(message);
      else early.push(message);
    },
    closed: () => closed.fire(),
  };
}
