// Page-side shortcuts. Runs in the bubble phase and respects preventDefault, so a dialog that
// handles Escape itself keeps it.
import { commands } from './commands';
import { commandForKey } from './shortcuts';

export function installShortcuts(inElectron: boolean): void {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  window.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const command = commandForKey(event, { mac, menuOwnsAccelerators: inElectron });
    if (command && commands.run(command)) event.preventDefault();
  });
}
