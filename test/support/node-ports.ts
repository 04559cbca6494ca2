// A reply port pair over real Node worker_threads ports, adapted the way main adapts them.
import { MessageChannel } from 'node:worker_threads';
import { fromEmitterPort, type PortLike } from '../../src/shared/port/port';

export function nodePortPair(): { main: PortLike; renderer: PortLike; raw: MessageChannel } {
  const raw = new MessageChannel();
  return { main: fromEmitterPort(raw.port1, 'node'), renderer: fromEmitterPort(raw.port2, 'node'), raw };
}
