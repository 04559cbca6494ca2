// `npm run web`: starts browser mode and prints the address to open.
import { join } from 'node:path';
import { homedir } from 'node:os';
import { createPlumeService } from '../services/plume-service';
import { FileVault } from '../settings/file-vault';
import { DataFolderBusy, type DataLock, lockDataFolder } from './data-lock';
import { startWebHost } from './server';

const dataDir = process.env.PLUME_DATA_DIR ?? join(homedir(), '.plume-web');
const rendererDir = process.env.PLUME_RENDERER_DIR ?? join(import.meta.dirname, '../renderer');
const port = Number(process.env.PLUME_PORT ?? 0);

let lock: DataLock;
try {
  lock = lockDataFolder(dataDir);
} catch (error) {
  if (!(error instanceof DataFolderBusy)) throw error;
  console.error(error.message);
  process.exit(1);
}

const service = createPlumeService({
  dataDir,
  vault: new FileVault(dataDir),
  mode: 'web',
  version: process.env.npm_package_version ?? 'dev',
});
const host = await startWebHost({ service, rendererDir, port });
lock.announce(host.origin);

// The lock file goes with the process ('exit'), however it stops short of a SIGKILL. The
// handlers are in place before the address is printed: a stop right after it still cleans up.
// A clean stop closes the database (checkpoint, close): plume.db alone is then a complete copy.
const stop = () =>
  void host.close().finally(() => {
    service.close();
    process.exit(0);
  });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

console.log(`Plume (browser mode) is running. Open this address in your browser:\n\n  ${host.url}\n`);
console.log(`Data: ${dataDir}. Press Ctrl+C to stop.`);

