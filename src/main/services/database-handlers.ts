// The database channels of the contract: status and recovery (Settings and the start-up recovery
// page), backups, and "Delete all data", which also removes every provider and, through the
// vault's own API, every key.
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { KeyVault } from '../settings/key-vault';
import type { ProviderSettings } from '../settings/provider-settings';
import type { AppSettingsStore } from './app-settings';
import type { DatabaseKeeper } from './database-keeper';
import type { Handlers } from './plume-service';
import { InvalidInput } from './request-validation';

type DatabaseChannels = Pick<Handlers, 'database:status' | 'database:backup' | 'database:restore' | 'database:startFresh' | 'database:openReadOnly' | 'data:eraseAll'>;

interface Parts {
  keeper: DatabaseKeeper;
  settings: ProviderSettings;
  appSettings: AppSettingsStore;
  vault: KeyVault;
  /** Replies write to the database: they are stopped before it is swapped or erased. */
  abortAll: () => void;
  /** Other per-conversation records kept outside the database (MCP servers per conversation). */
  forgetConversations?: () => Promise<void>;
}

export function databaseHandlers({ keeper, settings, appSettings, vault, abortAll, forgetConversations }: Parts): DatabaseChannels {
  return {
    'database:status': async () => {
      // The window asks first thing once it is up: only then does the check of every page start.
      void keeper.checkInBackground();
      return keeper.status();
    },
    'database:backup': async () => {
      keeper.backup('manual');
      return keeper.status();
    },
    'database:restore': async (req) => {
      abortAll();
      return keeper.restore(typeof req?.name === 'string' && req.name !== '' ? req.name : undefined);
    },
    'database:startFresh': async () => {
      abortAll();
      return keeper.startFresh();
    },
    'database:openReadOnly': async () => keeper.openReadOnly(),
    'data:eraseAll': async (req) => {
      if (req?.confirm !== 'erase') throw new InvalidInput('Nothing was deleted: the request was not confirmed.');
      abortAll();
      keeper.eraseAll();
      await forgetConversations?.();
      for (const provider of await settings.list()) {
        await vault.delete(provider.id);
        await settings.remove(provider.id);
      }
      await appSettings.save({ ...DEFAULT_SETTINGS });
      // The copies kept beside settings and vaults (`.previous`, `.unreadable-…`) hold the same
      // names and ciphertexts: erasing everything erases them too.
      await removeSpareCopies(dirname(keeper.path));
    },
  };
}

async function removeSpareCopies(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir)) {
    if (name.endsWith('.previous') || /\.unreadable-[0-9a-f]+$/.test(name)) await rm(join(dataDir, name), { force: true });
  }
}
