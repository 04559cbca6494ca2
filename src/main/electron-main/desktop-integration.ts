// The parts of the desktop app that talk to the OS rather than to the page: the application
// menu, the About box, remembered window placement and the optional "reply finished" notice.
import { app, BrowserWindow, dialog, Menu, Notification, screen } from 'electron';
import type { AppCommand } from '../../shared/app-commands';
import { APP_COMMAND_EVENT } from '../../shared/app-commands';
import type { ReplyResult } from '../stream/reply-session';
import { aboutDetail } from './about';
import { menuTemplate } from './menu-template';
import { notificationBody, shouldNotifyReplyDone } from './reply-notification';
import type { ShellSettings } from './shell-settings';
import { fitOntoDisplays } from './window-bounds';
import { MIN_WINDOW_SIZE } from './window-options';
import { loadWindowState, saveWindowState, type WindowState } from './window-state';

export function installMenu(currentWindow: () => BrowserWindow | null): void {
  const send = (command: AppCommand) => currentWindow()?.webContents.send(APP_COMMAND_EVENT, command);
  const showAbout = () => {
    const window = currentWindow();
    const box = { type: 'info' as const, title: `About ${app.name}`, message: app.name, detail: aboutDetail(app.getVersion(), process.versions), buttons: ['OK'] };
    void (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box));
  };
  const options = { platform: process.platform, appName: app.name, devTools: !app.isPackaged };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options, { send, showAbout })));
}

/** The saved placement fitted onto today's displays, or null for the default placement. */
export async function restoredPlacement(dataDir: string): Promise<WindowState | null> {
  const saved = await loadWindowState(dataDir);
  if (!saved) return null;
  const bounds = fitOntoDisplays(saved.bounds, screen.getAllDisplays().map((display) => display.workArea), MIN_WINDOW_SIZE);
  return bounds ? { bounds, maximized: saved.maximized } : null;
}

export function rememberPlacement(window: BrowserWindow, dataDir: string): void {
  // getNormalBounds: the size to come back to when a maximized window is un-maximized.
  window.on('close', () => {
    try {
      saveWindowState(dataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // Not remembering the placement is no reason to keep the window from closing.
    }
  });
}

export function notifyReplyDone(settings: ShellSettings, currentWindow: () => BrowserWindow | null, result: ReplyResult): void {
  const window = currentWindow();
  if (!shouldNotifyReplyDone(result, { enabled: settings.notifyWhenReplyDone, windowFocused: window?.isFocused() ?? false })) return;
  if (!Notification.isSupported()) return;
  const notice = new Notification({ title: 'Reply finished', body: notificationBody(result.text), silent: false });
  notice.on('click', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  notice.show();
}
