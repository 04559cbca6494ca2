// The native application menu as data: standard roles (edit, zoom, window) plus the app's own
// commands from the shared command table, each of which is sent to the page.
import type { MenuItemConstructorOptions } from 'electron';
import { type AppCommand, commandSpec } from '../../shared/app-commands';

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
      submenu: [
        command('new-chat'),
        command('export'),
        ...(mac ? [] : [separator, command('settings')]),
        separator,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        command('command-palette'),
        command('search'),
        separator,
        { label: 'Theme', submenu: [command('theme-system'), command('theme-light'), command('theme-dark')] },
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...(devTools ? [separator, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { label: 'Chat', submenu: [command('stop')] },
    { role: 'windowMenu' },
    { role: 'help', submenu: mac ? [] : [about] },
  ];
}
