// Desktop-only preferences kept in shell-settings.json in the data folder. Everything is off by
// default; a damaged file reads as defaults.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonFile } from '../settings/json-file';

export interface ShellSettings {
  /** A desktop notification when a long reply finishes while the window is in the background. */
  notifyWhenReplyDone: boolean;
}

const DEFAULT_SHELL_SETTINGS: ShellSettings = { notifyWhenReplyDone: false };

export async function loadShellSettings(dataDir: string): Promise<ShellSettings> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, 'shell-settings.json'), 'utf8')) as Partial<ShellSettings>;
    return { notifyWhenReplyDone: parsed.notifyWhenReplyDone === true };
  } catch {
    return DEFAULT_SHELL_SETTINGS;
  }
}

export async function saveShellSettings(dataDir: string, settings: ShellSettings): Promise<void> {
  await writeJsonFile(join(dataDir, 'shell-settings.json'), settings);
}
