// The desktop shell's page side, installed once before React renders: theme, shortcuts, native
// menu commands and the navigation guard. Components register what commands do with useCommand.
import { installFontSize } from './font-size';
import { installShortcuts } from './keyboard';
import { listenForMenuCommands } from './menu-bridge';
import { installNavigationGuard } from './navigation-guard';
import { installTheme } from './theme';
import './tokens.css';
import './layout.css';
import './shell.css';

export function installShell(): void {
  const inElectron = (window as { plume?: unknown }).plume !== undefined;
  installTheme();
  installFontSize();
  installNavigationGuard();
  installShortcuts(inElectron);
  if (inElectron) listenForMenuCommands();
}

export { CommandPalette } from './command-palette';
export { useCommand } from './use-command';
