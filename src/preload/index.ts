// The preload exposes exactly the contract, nothing more: `invoke` on allow-listed channels and a
// way to open a reply stream. Reply ports arrive from main over IPC and are forwarded to the page
// with window.postMessage, tagged with the nonce the page asked with; menu commands take the same
// road, so the page gets no extra global for them.
import { contextBridge, ipcRenderer } from 'electron';
import { APP_COMMAND_EVENT, APP_COMMAND_MESSAGE_TYPE, isAppCommand } from '../shared/app-commands';
import { type Channel, IpcEvent, isChannel, PORT_MESSAGE_TYPE } from '../shared/contract';

const api = {
  invoke(channel: Channel, req: unknown): Promise<unknown> {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(IpcEvent.invoke, channel, req);
  },
  requestStream(request: unknown, nonce: string): Promise<boolean> {
    return ipcRenderer.invoke(IpcEvent.openStream, request, nonce);
  },
};

const ownOrigin = () => (window.location.origin === 'null' ? '*' : window.location.origin);

ipcRenderer.on(IpcEvent.streamPort, (event, message: { nonce?: unknown }) => {
  if (typeof message?.nonce !== 'string' || event.ports.length !== 1) return;
  window.postMessage({ type: PORT_MESSAGE_TYPE, nonce: message.nonce }, ownOrigin(), event.ports);
});

ipcRenderer.on(APP_COMMAND_EVENT, (_event, command: unknown) => {
  if (!isAppCommand(command)) return;
  window.postMessage({ type: APP_COMMAND_MESSAGE_TYPE, command }, ownOrigin());
});

contextBridge.exposeInMainWorld('plume', api);
