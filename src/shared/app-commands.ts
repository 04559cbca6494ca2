// The app's commands, in one table read by the native menu (main), the command palette and the
// keyboard shortcuts (page), so a command has one name, one label and one shortcut everywhere.
// Accelerators use Electron's syntax; the page parses the same strings.
import { IpcEvent } from './contract';

export interface AppCommandSpec {
  id: string;
  label: string;
  accelerator?: string;
  /**
   * Shown in the menu but left to the page: Escape must keep closing dialogs and the palette,
   * which a system-wide menu accelerator would swallow.
   */
  pageHandlesKey?: boolean;
}

export const APP_COMMANDS = [
  { id: 'new-chat', label: 'New Chat', accelerator: 'CmdOrCtrl+N' },
  { id: 'search', label: 'Search Conversations…', accelerator: 'CmdOrCtrl+K' },
  { id: 'settings', label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  { id: 'stop', label: 'Stop Reply', accelerator: 'Escape', pageHandlesKey: true },
  { id: 'export', label: 'Export Conversation…', accelerator: 'CmdOrCtrl+Shift+E' },
  { id: 'command-palette', label: 'Command Palette…', accelerator: 'CmdOrCtrl+Shift+P' },
  { id: 'theme-system', label: 'Theme: Follow System' },
  { id: 'theme-light', label: 'Theme: Light' },
  { id: 'theme-dark', label: 'Theme: Dark' },
] as const satisfies readonly AppCommandSpec[];

export type AppCommand = (typeof APP_COMMANDS)[number]['id'];

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && APP_COMMANDS.some((command) => command.id === value);
}

export function commandSpec(id: AppCommand): AppCommandSpec {
  return APP_COMMANDS.find((command) => command.id === id) as AppCommandSpec;
}

/** Main → page event carrying one AppCommand. */
export const APP_COMMAND_EVENT = IpcEvent.command;

/** Marker of the window message by which the preload hands a menu command to the page. */
export const APP_COMMAND_MESSAGE_TYPE = 'plume:app-command';
