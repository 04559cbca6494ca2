// The native application menu as data: standard roles (edit, zoom, window) plus the app's own
// commands, built from the shared command table (each command's `menu`), so the menu, the palette
// and the shortcuts can never list different commands. Each one is sent to the page.
import type { MenuItemConstructorOptions } from 'electron';
import { type AppCommand, commandSpec, commandsIn } from '../../shared/app-commands';

export interface MenuActions {
  /** Delivers a command to the focused window's page. */
  send(command: AppCommand): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools are offered only in unpackaged (development) runs. */
  devTools: boolean;
}

export function menuTemplate({ platform, appName, devTools }: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (id: AppCommand): MenuItemConstructorOptions => {
    const spec = commandSpec(id);
    return {
      id,
      label: spec.label,
      ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
      ...(spec.pageHandlesKey ? { registerAccelerator: false } : {}),
      click: () => actions.send(id),
    };
  };
  const about: MenuItemConstructorOptions = { id: 'about', label: `About ${appName}`, click: actions.showAbout };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: appName,
          submenu: [about, separator, command('settings'), separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
        },
      ]
    : [];

  return [
    ...appMenu,
    {
      label: 'File',
      // On macOS Settings lives in the app menu, as the platform expects.
      submenu: [
        ...commandsIn('file').filter((id) => !(mac && id === 'settings')).map(command),
        separator,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...commandsIn('view').map(command),
        separator,
        { label: 'Theme', submenu: commandsIn('theme').map(command) },
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...(devTools ? [separator, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { label: 'Chat', submenu: commandsIn('chat').map(command) },
    { role: 'windowMenu' },
    { role: 'help', submenu: mac ? [] : [about] },
  ];
}
