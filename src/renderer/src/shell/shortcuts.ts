// Keyboard shortcuts from the shared command table, matched against key events. In Electron the
// native menu already owns its accelerators, so the page answers only the keys left to it.
import { APP_COMMANDS, type AppCommand } from '../../../shared/app-commands';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const KEY_NAMES: Record<string, string> = { escape: 'Escape', ',': ',', plus: '+', backspace: 'Backspace' };

/** Does an Electron accelerator ("CmdOrCtrl+Shift+P") describe this key press? */
export function matchesAccelerator(event: KeyLike, accelerator: string, mac: boolean): boolean {
  const parts = accelerator.split('+').map((part) => part.toLowerCase());
  const key = parts.pop() ?? '';
  const wants = {
    primary: parts.includes('cmdorctrl') || parts.includes('commandorcontrol'),
    shift: parts.includes('shift'),
    alt: parts.includes('alt') || parts.includes('option'),
  };
  const primaryDown = mac ? event.metaKey : event.ctrlKey;
  const otherDown = mac ? event.ctrlKey : event.metaKey;
  if (primaryDown !== wants.primary || otherDown || event.shiftKey !== wants.shift || event.altKey !== wants.alt) return false;
  const expected = KEY_NAMES[key] ?? key;
  return event.key.toLowerCase() === expected.toLowerCase();
}

export function commandForKey(event: KeyLike, options: { mac: boolean; menuOwnsAccelerators: boolean }): AppCommand | null {
  for (const command of APP_COMMANDS) {
    if (!('accelerator' in command)) continue;
    if (options.menuOwnsAccelerators && !('pageHandlesKey' in command && command.pageHandlesKey)) continue;
    if (matchesAccelerator(event, command.accelerator, options.mac)) return command.id;
  }
  return null;
}

/** How a shortcut reads on this platform, for the palette: "⌘⇧P" on macOS, "Ctrl+Shift+P" elsewhere. */
export function shortcutLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const keyLabel = key === 'Escape' ? 'Esc' : key === 'Backspace' ? (mac ? '⌫' : 'Backspace') : key.toUpperCase();
  const mods = parts.map((part) => {
    const p = part.toLowerCase();
    if (p === 'cmdorctrl' || p === 'commandorcontrol') return mac ? '⌘' : 'Ctrl';
    if (p === 'shift') return mac ? '⇧' : 'Shift';
    if (p === 'alt' || p === 'option') return mac ? '⌥' : 'Alt';
    return part;
  });
  return mac ? [...mods, keyLabel].join('') : [...mods, keyLabel].join('+');
}
