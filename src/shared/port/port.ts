// One DOM-shaped view of a message port, so the stream protocol runs unchanged over Electron's
// MessagePortMain, Node worker_threads ports, DOM MessagePorts and browser mode's WebSocket.

export interface PortLike {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Fires once when the port closes, from either side. */
  onClose(listener: () => void): void;
  close(): void;
}

/** The Node/Electron shape: an EventEmitter with `on('message')`, `on('close')`, `start()`. */
interface EmitterPort {
  postMessage(message: unknown): void;
  // Loosely typed on purpose: MessagePortMain and worker ports declare different overloads.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(...args: any[]): unknown;
  start?(): void;
  close(): void;
}

/** A DOM MessagePort (renderer, browser). */
interface DomPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}

/**
 * Electron's MessagePortMain emits `{data, ports}`; Node's worker port emits the raw value.
 * `unwrap` says which, so this file needs no import of either runtime.
 */
export function fromEmitterPort(port: EmitterPort, unwrap: 'electron' | 'node'): PortLike {
  const closed = onceGuard();
  const view: PortLike = {
    post: (message) => {
      if (!closed.done) port.postMessage(message);
    },
    onMessage: (listener) => {
      port.on('message', (value: unknown) =>
        listener(unwrap === 'electron' ? (value as { data: unknown }).data : value));
      port.start?.();
    },
    onClose: (listener) => closed.listeners.push(listener),
    close: () => {
      if (closed.done) return;
      port.close();
      closed.fire();
    },
  };
  port.on('close', () => closed.fire());
  return view;
}

export function fromDomPort(port: DomPort): PortLike {
  const closed = onceGuard();
  // Chromium fires `close` on MessagePort when the other side goes away; older engines never do,
  // which is fine because main always ends a stream with a terminal message first.
  port.addEventListener('close', () => closed.fire());
  return {
    post: (message) => {
      if (!closed.done) port.postMessage(message);
    },
    onMessage: (listener) => {
      port.addEventListener('message', (event) => listener(event.data));
      port.start();
    },
    onClose: (listener) => closed.listeners.push(listener),
    close: () => {
      if (closed.done) return;
      port.close();
      closed.fire();
    },
  };
}

/** Close listeners run once however many times and from whichever side close happens. */
export function onceGuard() {
  const state = {
    done: false,
    listeners: [] as Array<() => void>,
    fire() {
      if (state.done) return;
      state.done = true;
      for (const listener of state.listeners.splice(0)) listener();
    },
  };
  return state;
}
