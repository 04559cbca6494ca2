// Wires the contract to Electron IPC. Every call is checked to come from the app's own window's
// main frame; the reply port is handed only to that frame.
import { ipcMain, MessageChannelMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IpcEvent } from '../../shared/contract';
import { fromEmitterPort } from '../../shared/port/port';
import { dispatch } from '../services/dispatch';
import type { PlumeService } from '../services/plume-service';

export function registerIpc(service: PlumeService, isOwnFrame: (event: IpcMainInvokeEvent) => boolean): () => void {
  ipcMain.handle(IpcEvent.invoke, (event, channel: unknown, req: unknown) => {
    if (!isOwnFrame(event)) return { ok: false, error: { kind: 'config', message: 'Refused: not a Plume window.' } };
    return dispatch(service.handlers, channel, req);
  });

  ipcMain.handle(IpcEvent.openStream, (event, request: unknown, nonce: unknown) => {
    if (!isOwnFrame(event) || typeof nonce !== 'string' || nonce.length < 16) return false;
    const { port1, port2 } = new MessageChannelMain();
    service.openStream(request, fromEmitterPort(port1, 'electron'));
    sendPort(event.sender, nonce, port2);
    return true;
  });

  return () => {
    ipcMain.removeHandler(IpcEvent.invoke);
    ipcMain.removeHandler(IpcEvent.openStream);
  };
}

function sendPort(contents: WebContents, nonce: string, port: Electron.MessagePortMain): void {
  contents.postMessage(IpcEvent.streamPort, { nonce }, [port]);
}
