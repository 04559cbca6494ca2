// The page side of app commands: the registry, shortcut matching, the palette's list and
// keyboard movement, the theme choice and the navigation rule. All DOM-free.
import { describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS } from '../../../src/shared/app-commands';
import { CommandRegistry } from '../../../src/renderer/src/shell/commands';
import { blocksNavigation } from '../../../src/renderer/src/shell/navigation-rule';
import { moveHighlight, paletteRows } from '../../../src/renderer/src/shell/palette-model';
import { commandForKey, shortcutLabel, type KeyLike } from '../../../src/renderer/src/shell/shortcuts';
import { parseThemeChoice, resolveTheme } from '../../../src/renderer/src/shell/theme-choice';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('command registry', () => {
  it('runs the newest handler and falls back when it is removed', () => {
    const registry = new CommandRegistry();
    const base = vi.fn();
    const dialog = vi.fn();
    expect(registry.run('stop')).toBe(false);
    registry.register('stop', base);
    const remove = registry.register('stop', dialog);
    registry.run('stop');
    remove();
    remove();
    registry.run('stop');
    expect([dialog.mock.calls.length, base.mock.calls.length]).toEqual([1, 1]);
  });

  it('tells subscribers when the set of handled commands changes', () => {
    const registry = new CommandRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const before = registry.getVersion();
    const remove = registry.register('export', () => {});
    expect(registry.has('export')).toBe(true);
    remove();
    expect(registry.has('export')).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(registry.getVersion()).toBe(before + 2);
  });
});

describe('shortcuts', () => {
  const browser = { mac: false, menuOwnsAccelerators: false };

  it('maps the documented keys to commands in browser mode', () => {
    expect(commandForKey(key('n', { ctrlKey: true }), browser)).toBe('new-chat');
    expect(commandForKey(key('k', { ctrlKey: true }), browser)).toBe('search');
    expect(commandForKey(key(',', { ctrlKey: true }), browser)).toBe('settings');
    expect(commandForKey(key('P', { ctrlKey: true, shiftKey: true }), browser)).toBe('command-palette');
    expect(commandForKey(key('Escape'), browser)).toBe('stop');
    expect(commandForKey(key('Backspace', { ctrlKey: true, shiftKey: true }), browser)).toBe('delete');
    expect(commandForKey(key('F2'), browser)).toBe('rename');
    expect(commandForKey(key('S', { ctrlKey: true, shiftKey: true }), browser)).toBe('toggle-sidebar');
  });

  it('gives every command with a shortcut a different one', () => {
    const accelerators = APP_COMMANDS.flatMap((c) => ('accelerator' in c ? [c.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('uses Cmd on macOS and ignores near misses', () => {
    expect(commandForKey(key('k', { metaKey: true }), { mac: true, menuOwnsAccelerators: false })).toBe('search');
    expect(commandForKey(key('k', { ctrlKey: true }), { mac: true, menuOwnsAccelerators: false })).toBeNull();
    expect(commandForKey(key('k'), browser)).toBeNull();
    expect(commandForKey(key('n', { ctrlKey: true, shiftKey: true }), browser)).toBeNull();
    expect(commandForKey(key('Escape', { altKey: true }), browser)).toBeNull();
  });

  it('leaves menu accelerators to the native menu in Electron, but still handles Escape', () => {
    const electron = { mac: false, menuOwnsAccelerators: true };
    expect(commandForKey(key('n', { ctrlKey: true }), electron)).toBeNull();
    expect(commandForKey(key('Escape'), electron)).toBe('stop');
  });

  it('labels shortcuts the way each platform writes them', () => {
    expect(shortcutLabel('CmdOrCtrl+Shift+P', true)).toBe('⌘⇧P');
    expect(shortcutLabel('CmdOrCtrl+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(shortcutLabel('Escape', false)).toBe('Esc');
    expect(shortcutLabel('CmdOrCtrl+Shift+Backspace', false)).toBe('Ctrl+Shift+Backspace');
    expect(shortcutLabel('CmdOrCtrl+Shift+Backspace', true)).toBe('⌘⇧⌫');
    expect(shortcutLabel('F2', false)).toBe('F2');
  });
});

describe('command palette list', () => {
  const all = () => true;

  const ids = (rows: ReturnType<typeof paletteRows>) => rows.map((row) => row.command.id);

  it('filters by every typed word and never lists itself', () => {
    expect(ids(paletteRows('theme da', all))).toEqual(['theme-dark']);
    expect(ids(paletteRows('', all))).not.toContain('command-palette');
    expect(paletteRows('zzz', all)).toEqual([]);
  });

  it('lists every other command, those that can run now first and the rest marked unavailable', () => {
    const rows = paletteRows('', (id) => id === 'stop' || id === 'settings');
    expect(ids(rows).slice(0, 2)).toEqual(['stop', 'settings']);
    expect(rows.slice(2).every((row) => !row.enabled)).toBe(true);
    expect(new Set(ids(rows))).toEqual(new Set(APP_COMMANDS.map((c) => c.id).filter((id) => id !== 'command-palette')));
  });

  it('moves the highlight with wrap-around, Home and End', () => {
    expect(moveHighlight(2, 'ArrowDown', 3)).toBe(0);
    expect(moveHighlight(0, 'ArrowUp', 3)).toBe(2);
    expect(moveHighlight(1, 'End', 3)).toBe(2);
    expect(moveHighlight(2, 'Home', 3)).toBe(0);
    expect(moveHighlight(5, '', 3)).toBe(2);
    expect(moveHighlight(0, 'ArrowDown', 0)).toBe(-1);
  });
});

describe('theme choice', () => {
  it('follows the system unless the user picked light or dark', () => {
    expect(resolveTheme(parseThemeChoice(null), true)).toBe('dark');
    expect(resolveTheme(parseThemeChoice('nonsense'), false)).toBe('light');
    expect(resolveTheme(parseThemeChoice('light'), true)).toBe('light');
    expect(resolveTheme(parseThemeChoice('dark'), false)).toBe('dark');
  });
});

describe('navigation rule', () => {
  it('lets the page reload itself but not be replaced by another site', () => {
    expect(blocksNavigation('http://127.0.0.1:4000/?x#y', 'http://127.0.0.1:4000')).toBe(false);
    expect(blocksNavigation('plume://app/index.html', 'plume://app')).toBe(false);
    expect(blocksNavigation('https://evil.example/', 'plume://app')).toBe(true);
    expect(blocksNavigation('http://127.0.0.1:4001/', 'http://127.0.0.1:4000')).toBe(true);
    expect(blocksNavigation('::', 'plume://app')).toBe(true);
  });

  it('lets the page download the exports it made itself (own blob: URLs) and nothing foreign', () => {
    expect(blocksNavigation('blob:http://127.0.0.1:4000/2f1c', 'http://127.0.0.1:4000')).toBe(false);
    expect(blocksNavigation('blob:https://evil.example/2f1c', 'http://127.0.0.1:4000')).toBe(true);
  });
});
