// Registers a command handler for as long as a component is mounted.
import { useEffect, useRef } from 'react';
import type { AppCommand } from '../../../shared/app-commands';
import { commands } from './commands';

export function useCommand(id: AppCommand, handler: (() => void) | null): void {
  // The latest handler runs without re-registering on every render.
  const latest = useRef(handler);
  latest.current = handler;
  const enabled = handler !== null;
  useEffect(() => {
    if (!enabled) return;
    return commands.register(id, () => latest.current?.());
  }, [id, enabled]);
}
