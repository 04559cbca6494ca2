// The "renderer" of the bridge bench, in its own thread so main's port is a real cross-thread
// MessagePort. It applies messages, and grants credit either at once or once per simulated frame.
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { fromEmitterPort } from '../src/shared/port/port';
import { ReplyReceiver } from '../src/shared/port/reply-receiver';

type Mode = { grant: 'immediate' | 'frame' | 'raw'; stallMs: number; stallAfterChars: number };
const { port, mode } = workerData as { port: MessagePort; mode: Mode };
const now = () => performance.timeOrigin + performance.now();

let text = '';
let received = 0;
const arrivals: Array<{ at: number; chars: number }> = [];
let stalled = false;

function maybeStall(): void {
  if (stalled || mode.stallMs === 0 || text.length < mode.stallAfterChars) return;
  stalled = true;
  parentPort?.postMessage({ type: 'stalling', received });
  // A real stall: the thread is blocked, like a renderer stuck in a long task.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, mode.stallMs);
  parentPort?.postMessage({ type: 'resumed' });
}

if (mode.grant === 'raw') {
  // Baseline: plain postMessage of every delta, no protocol.
  port.on('message', (value: { text?: string; end?: boolean }) => {
    received += 1;
    if (value.text) text += value.text;
    maybeStall();
    if (value.end) parentPort?.postMessage({ type: 'done', length: text.length, text });
  });
} else {
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  const receiver: ReplyReceiver = new ReplyReceiver(fromEmitterPort(port, 'node'), {
    onMessage: (message) => {
      received += 1;
      text += message.text;
      arrivals.push({ at: now(), chars: text.length });
      maybeStall();
      if (message.t === 'end') {
        parentPort?.postMessage({ type: 'done', length: text.length, text, arrivals });
        return;
      }
      if (mode.grant === 'immediate') queueMicrotask(() => receiver.grant());
      else frameTimer ??= setTimeout(() => {
        frameTimer = undefined;
        receiver.grant();
      }, 16);
    },
    onLost: () => parentPort?.postMessage({ type: 'lost' }),
  });
  receiver.start();
}
