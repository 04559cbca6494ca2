// Wires the contract to Electron IPC. Every call is checked to come from the app's own window's
// main frame; the reply port is handed to that very frame and no other.
import { ipcMain, MessageChannelMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { IpcEvent } from '../../shared/contract';
import { fromEmitterPort } from '../../shared/port/port';
import { dispatch } from '../services/dispatch';
import type { PlumeService } from '../services/plume-service';

const REFUSED = { ok: false, error: { kind: 'config', message: 'Refused: not a Plume window.' } } as const;

export function registerIpc(service: PlumeService, isOwnFrame: (event: IpcMainInvokeEvent) => boolean): () => void {
  ipcMain.handle(IpcEvent.invoke, (event, channel: unknown, req: unknown) => {
    if (!isOwnFrame(event)) return REFUSED;
    return dispatch(service.handlers, channel, req);
  });

  ipcMain.handle(IpcEvent.openStream, (event, request: unknown, nonce: unknown) => {
    const frame = event.senderFrame;
    if (!isOwnFrame(event) || frame === null || typeof nonce !== 'string' || nonce.length < 16) return false;
    const { port1, port2 } = new MessageChannelMain();
    service.openStream(request, fromEmitterPort(port1, 'electron'));
    sendPort(frame, nonce, port2);
    return true;
  });

  return () => {
    ipcMain.removeHandler(IpcEvent.invoke);
    ipcMain.removeHandler(IpcEvent.openStream);
  };
}

function sendPort(frame: WebFrameMain, nonce: string, port: Electron.MessagePortMain): void {
  frame.postMessage(IpcEvent.streamPort, { nonce }, [port]);
}
