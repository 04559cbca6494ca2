// The check of every page (quick_check) is not part of starting: the conversations are usable at
// once, the check starts when the window first asks for the database status, and what it finds
// arrives through that same status (which the window shows as a banner).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlumeService, type PlumeService } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';
import { READABLE_TITLE, writeDamageOnlyTheCheckFinds } from '../../support/store/damaged-file';
import { notReadOnly } from '../../support/store/not-read-only';

const services: PlumeService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

function start(prepare?: (dbPath: string) => void): PlumeService {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-check-'));
  prepare?.(join(dataDir, 'plume.db'));
  const service = createPlumeService({ dataDir, vault: new FileVault(dataDir), mode: 'web', version: 't' });
  services.push(service);
  return service;
}

describe('the check after start', () => {
  it('damage only the check can find: the app opens as usual, then the status the window reads reports it', async () => {
    const service = start(writeDamageOnlyTheCheckFinds);
    expect((await service.handlers['conversations:list']({})).items.map((c) => c.title)).toEqual([READABLE_TITLE]);
    const first = await service.handlers['database:status']();
    expect(notReadOnly(first)).toMatchObject({ state: 'ok', check: 'running' });
    await expect.poll(async () => (await service.handlers['database:status']()).check, { timeout: 15_000 }).toMatch(/SQLite found damage in .*restore a backup/s);
  });

  it('a sound file checks ok', async () => {
    const service = start();
    await service.handlers['database:status']();
    await expect.poll(async () => (await service.handlers['database:status']()).check, { timeout: 15_000 }).toBe('ok');
  });
});

