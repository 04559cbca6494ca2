// Conversations picked in the sidebar (Ctrl/Cmd+click) for a multi-conversation export. A tiny
// external store, so the sidebar and the export menu share it without threading props through.
import { useSyncExternalStore } from 'react';

let selected: readonly string[] = [];
const listeners = new Set<() => void>();

function publish(next: readonly string[]): void {
  selected = next;
  for (const l of listeners) l();
}

export function toggleSelected(id: string): void {
  publish(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
}

export function clearSelection(): void {
  if (selected.length) publish([]);
}

/** Drops ids that are no longer listed (deleted conversations). */
export function keepOnly(ids: ReadonlySet<string>): void {
  if (selected.some((id) => !ids.has(id))) publish(selected.filter((id) => ids.has(id)));
}

export function useSelection(): readonly string[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => selected,
  );
}
