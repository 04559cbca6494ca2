// The page's side of the Electron preload: `window.plume` plus the nonce-guarded port hand-over.
import { PORT_MESSAGE_TYPE, type InvokeResult, type PlumeBridge } from '../../../shared/contract';
import { fromDomPort, type PortLike } from '../../../shared/port/port';
import { BridgeError } from './errors';

export interface PreloadGlobal {
  invoke(channel: string, req: unknown): Promise<InvokeResult<unknown>>;
  requestStream(request: unknown, nonce: string): Promise<boolean>;
}

export function electronBridge(preload: PreloadGlobal): PlumeBridge {
  return {
    async invoke(channel, req) {
      const result = await preload.invoke(channel, req);
      if (!result.ok) throw new BridgeError(result.error);
      return result.value as never;
    },
    openStream(request) {
      const nonce = crypto.randomUUID();
      return new Promise<PortLike>((resolve, reject) => {
        const onMessage = (event: MessageEvent) => {
          // Only our own window's message with the nonce we just made may hand us a port.
          if (event.source !== window || event.data?.type !== PORT_MESSAGE_TYPE || event.data.nonce !== nonce) return;
          const port = event.ports[0];
          if (!port) return;
          window.removeEventListener('message', onMessage);
          resolve(fromDomPort(port));
        };
        window.addEventListener('message', onMessage);
        preload.requestStream(request, nonce).then((accepted) => {
          if (!accepted) {
            window.removeEventListener('message', onMessage);
            reject(new Error('Main refused to open the reply stream.'));
          }
        }, reject);
      });
    },
  };
}
