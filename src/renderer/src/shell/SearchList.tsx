// A search box over a list it filters (the command palette, the model picker): the box is a
// combobox whose highlighted option is announced; arrows move the highlight (wrapping, skipping
// rows that cannot be chosen), Ctrl/Cmd+Home and End jump (plain Home and End too while the box is
// empty), Enter or a click chooses, Esc asks to close. Rows may open a group, shown as a heading.
import { useEffect, useId, type KeyboardEvent, type ReactNode } from 'react';
import { comboboxProps } from './combobox';
import { moveHighlight } from './palette-model';

export interface SearchListRow {
  key: string;
  /** What the row shows. */
  content: ReactNode;
  /** The option's accessible name, when its text alone would not say enough. */
  label?: string;
  /** Starts a group: its name is drawn above the row. */
  group?: string;
  /** Listed but dimmed, and skipped by the arrows. */
  disabled?: boolean;
  /** Extra classes for the row ("current"). */
  className?: string;
}

interface Props {
  rows: readonly SearchListRow[];
  query: string;
  onQuery(query: string): void;
  /** The index of the highlighted row (kept by the caller, who may start it somewhere). */
  highlight: number;
  onHighlight(index: number): void;
  onChoose(index: number): void;
  onEscape(): void;
  inputLabel: string;
  listLabel: string;
  placeholder: string;
  /** Beside the search box (a refresh button). */
  beside?: ReactNode;
  /** Shown in the list when no row matches. */
  empty?: string;
}

export function SearchList({ rows, query, onQuery, highlight, onHighlight, onChoose, onEscape, inputLabel, listLabel, placeholder, beside, empty }: Props) {
  const listId = useId();
  const choosable = rows.flatMap((row, index) => (row.disabled ? [] : [index]));
  const at = choosable.indexOf(highlight);
  const active = choosable[at >= 0 ? at : moveHighlight(highlight, '', choosable.length)] ?? -1;

  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const jump = event.ctrlKey || event.metaKey || query === '';
    const key = event.key === 'Home' || event.key === 'End' ? (jump ? event.key : null) : event.key;
    if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End') {
      const to = choosable[moveHighlight(Math.max(0, choosable.indexOf(active)), key, choosable.length)];
      if (to !== undefined) onHighlight(to);
    } else if (key === 'Enter') {
      if (active >= 0) onChoose(active);
    } else if (key === 'Escape') onEscape();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <>
      <div className="search-list-box">
        <input
          type="text"
          aria-label={inputLabel}
          placeholder={placeholder}
          {...comboboxProps(listId, active)}
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(event) => {
            onQuery(event.target.value);
            onHighlight(0);
          }}
          onKeyDown={onKeyDown}
        />
        {beside}
      </div>
      <ul id={listId} role="listbox" aria-label={listLabel} className="search-list">
        {rows.map((row, index) => [
          row.group && (
            <li key={`group:${row.key}`} role="presentation" aria-hidden="true" className="search-list-group">
              {row.group}
            </li>
          ),
          <li
            key={row.key}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            aria-disabled={row.disabled || undefined}
            aria-label={row.label}
            className={['search-list-option', index === active && 'active', row.disabled && 'unavailable', row.className].filter(Boolean).join(' ')}
            onMouseMove={() => !row.disabled && index !== active && onHighlight(index)}
            // Keep focus in the search box, so the keyboard goes on working after a click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => !row.disabled && onChoose(index)}
          >
            {row.content}
          </li>,
        ])}
        {rows.length === 0 && empty && <li role="presentation" className="search-list-empty">{empty}</li>}
      </ul>
    </>
  );
}
