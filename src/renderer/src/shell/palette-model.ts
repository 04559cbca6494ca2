// What the command palette lists for a query, and how the highlighted row moves.
import { APP_COMMANDS, type AppCommandSpec } from '../../../shared/app-commands';

/** Commands whose label contains every word of the query, in table order. */
export function filterCommands(query: string, available: (id: string) => boolean): AppCommandSpec[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return APP_COMMANDS.filter(
    (command) => command.id !== 'command-palette' && available(command.id) && words.every((word) => command.label.toLowerCase().includes(word)),
  );
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
