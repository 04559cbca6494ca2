// Delete means delete: once the Undo window has passed (or the app restarted), no byte of a
// deleted conversation's text or files is left in plume.db, its WAL, its SHM or anywhere else in
// the data folder; importing the conversation's own export brings it back; "Delete all data"
// removes every conversation, backup, provider and key.
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkUploads } from '../../../src/main/attachments/check.ts';
import { createPlumeService, type PlumeService } from '../../../src/main/services/plume-service.ts';
import { FileVault } from '../../../src/main/settings/file-vault.ts';
import { b64, makePng } from '../../support/attachments/files.ts';
import { takeExport } from '../../support/exported-file.ts';
import { filesContaining } from '../../support/store/logical-dump.ts';
import { DONE } from '../../support/store/temp-store.ts';

const SECRET_TEXT = 'quokka-zanzibar-marmalade-7781';
const SECRET_REPLY = 'a reply about the heliotrope lighthouse 4417';
const SECRET_TITLE = 'Plans for the violet submarine';

let services: PlumeService[] = [];
afterEach(() => {
  for (const s of services) s.close();
  services = [];
});

function start(dir: string): PlumeService {
  const service = createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: 'web', version: 't' });
  services.push(service);
  return service;
}

function stop(service: PlumeService): void {
  service.close();
  services = services.filter((s) => s !== service);
}

/** A conversation with text, reasoning, a title and an attached picture only it uses. */
function writeSecretConversation(service: PlumeService, picture: Buffer): string {
  const { store } = service;
  const c = store.conversations.create({ title: SECRET_TITLE, providerId: 'p', model: 'm' });
  const user = store.messages.appendUser(c.id, `Please remember ${SECRET_TEXT}`);
  store.attachments.add(user.id, checkUploads([{ name: 'secret.png', data: b64(picture) }]));
  store.messages.beginAssistant(c.id, { providerId: 'p', model: 'm' }).finish(DONE, SECRET_REPLY, `thinking about ${SECRET_TEXT}`);
  return c.id;
}

describe('delete means delete', () => {
  it('after the Undo window and a restart, no byte of the text or the picture is left in the data folder; re-import restores it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-erase-'));
    const picture = makePng(37, 23);
    let service = start(dir);
    // A conversation that stays, sharing nothing with the deleted one.
    const kept = service.store.conversations.create({ title: 'Kept' });
    service.store.messages.appendUser(kept.id, 'ordinary words that stay');
    const id = writeSecretConversation(service, picture);
    const exported = takeExport(service, await service.handlers['export:conversation']({ id, format: 'json' }));
    // Enough traffic that the text has been through the WAL and into the file.
    service.store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(filesContaining(dir, Buffer.from(SECRET_TEXT))).toContain('plume.db');

    await service.handlers['conversations:delete']({ id });
    // Inside the Undo window it can still come back…
    expect((await service.handlers['conversations:undoDelete']({ id })).title).toBe(SECRET_TITLE);
    await service.handlers['conversations:delete']({ id });
    // …and the app is closed before the window's timer fires: the next start erases it.
    stop(service);
    service = start(dir);
    expect(service.store.conversations.get(id)).toBeNull();
    expect(service.store.search('quokka')).toEqual([]);
    expect(service.store.attachments.blobCount()).toBe(0);
    stop(service);

    const files = readdirSync(dir);
    expect(files).toContain('plume.db');
    for (const needle of [SECRET_TEXT, SECRET_REPLY, SECRET_TITLE, 'heliotrope', 'zanzibar']) {
      expect(filesContaining(dir, Buffer.from(needle)), needle).toEqual([]);
    }
    // The picture's bytes (past the PNG header every PNG shares) are gone too.
    expect(filesContaining(dir, picture.subarray(16))).toEqual([]);
    expect(filesContaining(dir, Buffer.from('ordinary words that stay'))).toEqual(['plume.db']);

    service = start(dir);
    const result = await service.handlers['import:file']({ text: exported.content });
    expect(result).toMatchObject({ imported: 1, skipped: 0 });
    const back = await service.handlers['conversations:open']({ id });
    expect(back.path.map((m) => m.text)).toEqual([`Please remember ${SECRET_TEXT}`, SECRET_REPLY]);
    expect(service.store.attachments.blobCount()).toBe(1);
  });

  it('importing a conversation still in the Undo bin replaces it instead of saying it is already here', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-erase-'));
    const service = start(dir);
    const id = writeSecretConversation(service, makePng(5, 5));
    const exported = takeExport(service, await service.handlers['export:conversation']({ id, format: 'json' }));
    await service.handlers['conversations:delete']({ id });
    expect(await service.handlers['import:file']({ text: exported.content })).toMatchObject({ imported: 1, skipped: 0 });
    expect((await service.handlers['conversations:list']({})).items.map((c) => c.title)).toEqual([SECRET_TITLE]);
  });

  it('"Delete all data" removes every conversation, backup, provider and key, leaving no text behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-erase-all-'));
    const service = start(dir);
    writeSecretConversation(service, makePng(9, 9));
    await service.handlers['providers:save']({ name: 'Work', kind: 'openai', baseURL: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'sk-erase-me-0123456789' });
    await service.handlers['database:backup']();
    expect((await service.handlers['database:status']()).backups).toHaveLength(1);

    await expect(service.handlers['data:eraseAll']({ confirm: 'yes' })).rejects.toThrow(/not confirmed/);
    expect(service.store.conversations.list().items).toHaveLength(1);
    await service.handlers['data:eraseAll']({ confirm: 'erase' });

    expect(service.store.conversations.list().items).toEqual([]);
    expect(await service.handlers['providers:list']()).toEqual([]);
    expect((await service.handlers['database:status']()).backups).toEqual([]);
    stop(service);
    for (const needle of [SECRET_TEXT, SECRET_REPLY, SECRET_TITLE, 'sk-erase-me-0123456789', 'Work']) {
      expect(filesContaining(dir, Buffer.from(needle)), needle).toEqual([]);
    }
  });
});

describe('a data folder left open to others by an older version', () => {
  it('is narrowed at start: the folder 0700, providers.json, settings.json and the database 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-modes-'));
    chmodSync(dir, 0o755);
    for (const name of ['providers.json', 'settings.json']) writeFileSync(join(dir, name), name === 'providers.json' ? '[]' : '{}', { mode: 0o644 });
    const service = start(dir);
    service.store.conversations.create({ title: 'x' });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o600);
  });
});
