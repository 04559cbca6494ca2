// Electron entry: the only place that imports `electron`, together with the files beside it.
import { app, BrowserWindow, dialog, safeStorage, shell, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { saveWhereChosen } from '../services/export-saving';
import { createPlumeService } from '../services/plume-service';
import { SafeStorageVault } from '../settings/safe-storage-vault';
import { APP_ENTRY_URL, appOrigins } from './app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { denyPermissions, hardenAllContents } from './harden-contents';
import { installMenu, notifyReplyDone, rememberPlacement, restoredPlacement } from './desktop-integration';
import { registerIpc } from './ipc';
import { chooseExportPath } from './export-dialog';
import { savePdfWithDialog } from './pdf-export';
import { isOwnMainFrame } from './sender-check';
import { loadShellSettings, saveShellSettings } from './shell-settings';
import { mainWindowOptions } from './window-options';
import type { WindowState } from './window-state';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const origins = appOrigins(devServerUrl);
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Both must happen before `ready`: privileged schemes cannot be registered later, and the
  // first WebContents is created right after.
  registerAppScheme();
  hardenAllContents();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    // Nothing can work without the data folder or the vault: say why instead of a blank window.
    dialog.showErrorBox('Plume could not start', (error as Error).message);
    app.exit(1);
  });
}

/** Command-line switch by which a Linux user without a keyring accepts weakly protected keys. */
const ALLOW_WITHOUT_KEYRING = 'allow-keys-without-keyring';

async function start(): Promise<void> {
  serveRenderer(join(import.meta.dirname, '../renderer'));
  denyPermissions(origins);
  const dataDir = process.env.PLUME_DATA_DIR ?? app.getPath('userData');
  const vault = await SafeStorageVault.open({ dir: dataDir, safeStorage, platform: process.platform, appReady: app.isReady() });
  if (app.commandLine.hasSwitch(ALLOW_WITHOUT_KEYRING)) await vault.allowStorageWithoutKeyring(true);
  let shellSettings = await loadShellSettings(dataDir);
  const currentWindow = () => mainWindow;
  const service = createPlumeService({
    dataDir,
    vault,
    mode: 'electron',
    version: app.getVersion(),
    openExternal: (url) => shell.openExternal(url),
    onReplyEnd: (result) => notifyReplyDone(shellSettings, currentWindow, result),
    savePdf: (page, name) => savePdfWithDialog(page, name, currentWindow),
    saveExport: saveWhereChosen((name) => chooseExportPath(name, currentWindow)),
    desktopPreferences: {
      get: async () => shellSettings,
      set: async (change) => {
        shellSettings = { ...shellSettings, ...change };
        await saveShellSettings(dataDir, shellSettings);
        return shellSettings;
      },
    },
  });
  installMenu(currentWindow);
  const openWindow = async () => createWindow(service.abortAll, dataDir, await restoredPlacement(dataDir));

  const isOwnFrame = (event: IpcMainInvokeEvent) => isOwnMainFrame(event, mainWindow?.webContents ?? null, origins);
  registerIpc(service, isOwnFrame);
  await openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
  // Quitting closes the database (checkpoint, close) and ends MCP servers, however the app quits.
  app.on('will-quit', () => service.close());
  app.on('window-all-closed', () => {
    service.abortAll();
    void service.closeMcp();
    if (process.platform !== 'darwin') app.quit();
  });
}

function createWindow(abortAll: () => void, dataDir: string, placement: WindowState | null): void {
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), placement?.bounds));
  mainWindow = window;
  rememberPlacement(window, dataDir);
  window.once('ready-to-show', () => {
    if (placement?.maximized) window.maximize();
    window.show();
  });
  // A reload drops the page's ports, which aborts their replies; this catches a renderer crash too.
  window.webContents.on('render-process-gone', abortAll);
  window.on('closed', () => {
    abortAll();
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}
