// The command palette (Ctrl/Cmd+Shift+P): the same commands as the native menu, each with its
// shortcut, filtered as you type, run with Enter or a click. Commands that cannot run right now
// stay listed but dimmed and skipped by the arrows, so the palette always shows everything. A
// modal <dialog> keeps focus inside while it is open; the input is a combobox whose active option
// is announced to screen readers.
import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { AppCommand } from '../../../shared/app-commands';
import { commands } from './commands';
import { comboboxProps } from './combobox';
import { moveHighlight, paletteRows } from './palette-model';
import { shortcutLabel } from './shortcuts';
import { useCommand } from './use-command';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useCommand('command-palette', () => setOpen(true));
  return open ? <PaletteDialog onClose={() => setOpen(false)} /> : null;
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  useSyncExternalStore(commands.subscribe, commands.getVersion);
  const listId = useId();
  const rows = paletteRows(query, (id) => commands.has(id as AppCommand));
  // Enabled rows come first, so the highlight moves over the first `runnable` rows only.
  const runnable = rows.filter((row) => row.enabled).length;
  const active = moveHighlight(highlight, '', runnable);

  useEffect(() => {
    returnFocus.current = document.activeElement;
    dialog.current?.showModal();
    return () => {
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    };
  }, []);

  const runAt = (index: number) => {
    const row = rows[index];
    if (!row?.enabled) return;
    onClose();
    // After closing, so the command sees the app, not the palette, focused.
    queueMicrotask(() => commands.run(row.command.id as AppCommand));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      setHighlight(moveHighlight(active, event.key, runnable));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      runAt(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  // The dialog's own Escape handling would close it behind React's back.
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    onClose();
  };

  return (
    <dialog ref={dialog} className="command-palette" aria-label="Command palette" onCancel={onCancel}>
      <input
        type="text"
        aria-label="Type a command"
        placeholder="Type a command…"
        {...comboboxProps(listId, active)}
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Commands">
        {rows.map(({ command, enabled }, index) => (
          <li
            key={command.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            aria-disabled={!enabled || undefined}
            className={index === active ? 'active' : enabled ? undefined : 'unavailable'}
            onMouseMove={() => enabled && setHighlight(index)}
            onClick={() => runAt(index)}
          >
            <span>{command.label.replace(/…$/, '')}</span>
            {command.accelerator && <kbd>{shortcutLabel(command.accelerator, mac)}</kbd>}
          </li>
        ))}
        {rows.length === 0 && <li role="presentation" className="empty">No matching command</li>}
      </ul>
    </dialog>
  );
}
