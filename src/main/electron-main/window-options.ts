// The main window's web preferences, as data, so tests can check them without Electron.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export const MIN_WINDOW_SIZE = { width: 560, height: 420 };

/** `bounds`: the restored placement, already fitted onto a display; absent means default size, centred. */
export function mainWindowOptions(preloadPath: string, bounds?: Rectangle): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 780,
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Plume',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}
