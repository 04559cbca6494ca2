// What the command palette lists for a query, and how the highlighted row moves.
import { APP_COMMANDS, type AppCommandSpec } from '../../../shared/app-commands';

export interface PaletteRow {
  command: AppCommandSpec;
  /** Something handles it right now (no "Regenerate" in an empty chat); others are listed, dimmed. */
  enabled: boolean;
}

/**
 * Every command whose label contains every word of the query: those that can run now first, then
 * the rest, each part in table order. Listing all of them teaches what exists and its shortcut.
 */
export function paletteRows(query: string, available: (id: string) => boolean): PaletteRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = APP_COMMANDS.filter((command) => command.id !== 'command-palette' && words.every((word) => command.label.toLowerCase().includes(word))).map(
    (command): PaletteRow => ({ command, enabled: available(command.id) }),
  );
  return [...rows.filter((row) => row.enabled), ...rows.filter((row) => !row.enabled)];
}

/** Arrow keys wrap around; Home and End jump; an empty list has no highlighted row. */
export function moveHighlight(index: number, key: string, count: number): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return Math.min(Math.max(index, 0), count - 1);
  }
}
