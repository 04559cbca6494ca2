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
  /** The native menu it sits in; the menu is built from this table, so every command is in it. */
  menu: 'file' | 'view' | 'chat' | 'theme';
}

export const APP_COMMANDS = [
  { id: 'new-chat', label: 'New Chat', accelerator: 'CmdOrCtrl+N', menu: 'file' },
  { id: 'search', label: 'Search Conversations…', accelerator: 'CmdOrCtrl+K', menu: 'view' },
  { id: 'switch-model', label: 'Switch Model…', accelerator: 'CmdOrCtrl+Shift+M', menu: 'chat' },
  { id: 'regenerate', label: 'Regenerate Last Reply', accelerator: 'CmdOrCtrl+Shift+G', menu: 'chat' },
  { id: 'edit-last', label: 'Edit Last Message', accelerator: 'CmdOrCtrl+Shift+L', menu: 'chat' },
  { id: 'stop', label: 'Stop Reply', accelerator: 'Escape', pageHandlesKey: true, menu: 'chat' },
  { id: 'rename', label: 'Rename Conversation…', accelerator: 'F2', pageHandlesKey: true, menu: 'chat' },
  { id: 'pin', label: 'Pin or Unpin Conversation', accelerator: 'CmdOrCtrl+D', menu: 'chat' },
  { id: 'delete', label: 'Delete Conversation', accelerator: 'CmdOrCtrl+Shift+Backspace', menu: 'chat' },
  { id: 'export', label: 'Export Conversation…', accelerator: 'CmdOrCtrl+Shift+E', menu: 'file' },
  { id: 'import', label: 'Import Conversations…', accelerator: 'CmdOrCtrl+O', menu: 'file' },
  { id: 'settings', label: 'Settings…', accelerator: 'CmdOrCtrl+,', menu: 'file' },
  { id: 'toggle-sidebar', label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+Shift+S', menu: 'view' },
  { id: 'command-palette', label: 'Command Palette…', accelerator: 'CmdOrCtrl+Shift+P', menu: 'view' },
  { id: 'theme-system', label: 'Theme: Follow System', menu: 'theme' },
  { id: 'theme-light', label: 'Theme: Light', menu: 'theme' },
  { id: 'theme-dark', label: 'Theme: Dark', menu: 'theme' },
] as const satisfies readonly AppCommandSpec[];

export type AppCommand = (typeof APP_COMMANDS)[number]['id'];

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && APP_COMMANDS.some((command) => command.id === value);
}

/** The commands of one native menu, in table order. */
export function commandsIn(menu: AppCommandSpec['menu']): AppCommand[] {
  return APP_COMMANDS.filter((command) => command.menu === menu).map((command) => command.id);
}

export function commandSpec(id: AppCommand): AppCommandSpec {
  return APP_COMMANDS.find((command) => command.id === id) as AppCommandSpec;
}

/** Main → page event carrying one AppCommand. */
export const APP_COMMAND_EVENT = IpcEvent.command;

/** Marker of the window message by which the preload hands a menu command to the page. */
export const APP_COMMAND_MESSAGE_TYPE = 'plume:app-command';
