// The shortcut of an app command as this platform writes it ("Ctrl+K", "⌘K"), for tooltips and
// menus, from the same table the keyboard handler and the native menu read.
import { type AppCommand, commandSpec } from '../../../shared/app-commands';
import { shortcutLabel } from './shortcuts';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutHint(id: AppCommand): string | undefined {
  const accelerator = commandSpec(id).accelerator;
  return accelerator ? shortcutLabel(accelerator, isMac) : undefined;
}
