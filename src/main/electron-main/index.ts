// Electron entry: the only place that imports `electron`, together with the files beside it.
import { app, BrowserWindow, shell, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { createPlumeService, safeExternalUrl } from '../services/plume-service';
import { FileVault } from '../settings/file-vault';
import { registerIpc } from './ipc';
import { mainWindowOptions } from './window-options';

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  void app.whenReady().then(start);
}

function start(): void {
  const dataDir = process.env.PLUME_DATA_DIR ?? app.getPath('userData');
  const service = createPlumeService({
    dataDir,
    // TODO(providers issue): safeStorage-backed vault; the file vault keeps keys encrypted meanwhile.
    vault: new FileVault(dataDir),
    mode: 'electron',
    version: app.getVersion(),
    openExternal: (url) => shell.openExternal(url),
  });

  const isOwnFrame = (event: IpcMainInvokeEvent) =>
    mainWindow !== null && event.sender === mainWindow.webContents && event.senderFrame === mainWindow.webContents.mainFrame;
  registerIpc(service, isOwnFrame);
  createWindow(service.abortAll);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(service.abortAll);
  });
  app.on('window-all-closed', () => {
    service.abortAll();
    if (process.platform !== 'darwin') app.quit();
  });
}

function createWindow(abortAll: () => void): void {
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  // A reload drops the page's ports, which aborts their replies; this catches a renderer crash too.
  window.webContents.on('render-process-gone', abortAll);
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe) void shell.openExternal(safe);
    return { action: 'deny' };
  });
  window.on('closed', () => {
    abortAll();
    if (mainWindow === window) mainWindow = null;
  });

  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}
