// One entry point for `invoke`, shared by the Electron IPC handler and the browser-mode host, so
// both validate the channel name and shape errors identically.
import { type Channel, type InvokeResult, isChannel } from '../../shared/contract';
import type { PlumeError } from '../../shared/provider-events';
import type { Handlers } from './plume-service';

export async function dispatch(handlers: Handlers, channel: unknown, req: unknown): Promise<InvokeResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { kind: 'config', message: `Unknown request "${String(channel)}".` } };
  }
  try {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(req) };
  } catch (error) {
    return { ok: false, error: toInvokeError(error, channel) };
  }
}

function toInvokeError(error: unknown, channel: Channel): PlumeError {
  if (typeof error === 'object' && error !== null && 'plume' in error) return (error as { plume: PlumeError }).plume;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', message: `${channel} failed: ${message}` };
}
