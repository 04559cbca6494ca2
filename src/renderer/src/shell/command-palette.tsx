// The command palette (Ctrl/Cmd+Shift+P): the same commands as the native menu, each with its
// shortcut, filtered as you type, run with Enter or a click. Commands that cannot run right now
// stay listed but dimmed and skipped by the arrows, so the palette always shows everything. A
// modal <dialog> keeps focus inside while it is open; the search and list are the shared SearchList.
import { useEffect, useRef, useState, useSyncExternalStore, type SyntheticEvent } from 'react';
import type { AppCommand } from '../../../shared/app-commands';
import { commands } from './commands';
import { paletteRows } from './palette-model';
import { SearchList } from './SearchList';
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
  const rows = paletteRows(query, (id) => commands.has(id as AppCommand));

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

  // The dialog's own Escape handling would close it behind React's back.
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    onClose();
  };

  return (
    <dialog ref={dialog} className="command-palette" aria-label="Command palette" onCancel={onCancel}>
      <SearchList
        rows={rows.map(({ command, enabled }) => ({
          key: command.id,
          disabled: !enabled,
          content: (
            <>
              <span>{command.label.replace(/…$/, '')}</span>
              {command.accelerator && <kbd>{shortcutLabel(command.accelerator, mac)}</kbd>}
            </>
          ),
        }))}
        query={query}
        onQuery={setQuery}
        highlight={highlight}
        onHighlight={setHighlight}
        onChoose={runAt}
        onEscape={onClose}
        inputLabel="Type a command"
        listLabel="Commands"
        placeholder="Type a command…"
        empty="No matching command"
      />
    </dialog>
  );
}
