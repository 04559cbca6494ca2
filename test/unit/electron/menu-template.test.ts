// The application menu: standard roles, and every app command reachable with its shortcut.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, type AppCommand } from '../../../src/shared/app-commands';
import { menuTemplate } from '../../../src/main/electron-main/menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, devTools = false) {
  const sent: AppCommand[] = [];
  let abouts = 0;
  const items = flatten(menuTemplate({ platform, appName: 'Plume', devTools }, { send: (c) => sent.push(c), showAbout: () => abouts++ }));
  const click = (id: string) => (items.find((item) => item.id === id)?.click as () => void)();
  return { items, sent, click, abouts: () => abouts };
}

describe.each(['linux', 'win32', 'darwin'] as const)('menu on %s', (platform) => {
  it('offers every app command, and clicking one sends it to the page', () => {
    const menu = build(platform);
    for (const command of APP_COMMANDS) menu.click(command.id);
    expect(menu.sent).toEqual(APP_COMMANDS.map((command) => command.id));
  });

  it('is built from the command table: each app command exactly once, nothing else sent to the page', () => {
    const { items } = build(platform);
    const known = new Set<string>(APP_COMMANDS.map((command) => command.id));
    const inMenu = items.flatMap((item) => (item.id && known.has(item.id) ? [item.id] : []));
    expect([...inMenu].sort()).toEqual([...known].sort());
    expect(items.filter((item) => item.id && !known.has(item.id)).map((item) => item.id)).toEqual(['about']);
  });

  it('binds the documented shortcuts, with Escape left to the page', () => {
    const { items } = build(platform);
    const accel = (id: string) => items.find((item) => item.id === id);
    expect(accel('new-chat')?.accelerator).toBe('CmdOrCtrl+N');
    expect(accel('search')?.accelerator).toBe('CmdOrCtrl+K');
    expect(accel('settings')?.accelerator).toBe('CmdOrCtrl+,');
    expect(accel('stop')).toMatchObject({ accelerator: 'Escape', registerAccelerator: false });
    // F2 renames the focused sidebar row in the page; a menu-wide F2 would take it away.
    expect(accel('rename')).toMatchObject({ accelerator: 'F2', registerAccelerator: false });
    for (const command of APP_COMMANDS) expect(accel(command.id)?.accelerator).toBe('accelerator' in command ? command.accelerator : undefined);
    const bound = items.filter((item) => item.accelerator).map((item) => item.accelerator);
    expect(new Set(bound).size).toBe(bound.length);
  });

  it('keeps the standard edit, zoom and window roles', () => {
    const roles = build(platform).items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles).not.toContain('toggleDevTools');
    expect(build(platform, true).items.map((item) => item.role)).toContain('toggleDevTools');
  });

  it('has an About item that opens the versions box', () => {
    const menu = build(platform);
    menu.click('about');
    expect(menu.abouts()).toBe(1);
  });
});

it('puts About, Settings and Quit in the app menu on macOS', () => {
  const mac = menuTemplate({ platform: 'darwin', appName: 'Plume', devTools: false }, { send: () => {}, showAbout: () => {} });
  const first = mac[0]?.submenu as MenuItemConstructorOptions[];
  expect(mac[0]?.label).toBe('Plume');
  expect(first.map((item) => item.id ?? item.role).filter(Boolean)).toEqual(expect.arrayContaining(['about', 'settings', 'quit']));
});
