// The main window's size, position and maximized state, kept in window-state.json in the data
// folder between runs. A missing or damaged file just means default placement.
import type { Rectangle } from 'electron';
import { renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const FILE = 'window-state.json';

export async function loadWindowState(dataDir: string): Promise<WindowState | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dataDir, FILE), 'utf8'));
    return isWindowState(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Synchronous on purpose: it runs as the window closes, and the app may quit right after. */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const path = join(dataDir, FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(state));
  renameSync(`${path}.tmp`, path);
}

function isWindowState(value: unknown): value is WindowState {
  if (typeof value !== 'object' || value === null) return false;
  const { bounds, maximized } = value as Partial<WindowState>;
  return (
    typeof maximized === 'boolean' &&
    typeof bounds === 'object' &&
    bounds !== null &&
    (['x', 'y', 'width', 'height'] as const).every((key) => typeof bounds[key] === 'number')
  );
}
