// Secrets never leave main: a gateway token sent as an extra header and echoed by the provider's
// 401 body is masked like the key in the error the window shows, in the database (file and WAL)
// and in every export; key hints show at most the last 4 characters, only for keys of 16+.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlumeService } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';
import { keyHint } from '../../../src/main/settings/key-hint';
import { scrubSecrets, secretHeaderValues } from '../../../src/main/providers/scrub';
import { startFakeOpenAI } from '../../support/fake-providers';
import { nodePortPair } from '../../support/node-ports';
import { TestConsumer } from '../../support/reply-consumer';
import { takeExport } from '../../support/exported-file';

const KEY = 'sk-mask-0123456789abcdef';
const GATEWAY_TOKEN = 'gw-live-7f3a9c2e1b5d4e6f';
const ORG_ID = 'org4f8a9b2c7d1e3f5a6b'; // an innocent header name, a token-shaped value
const OTHER_BEARER = 'eyJhbGciOiJIUzI1NiJ9abcdef012345';

describe('secrets in provider errors', () => {
  it('an echoed header token is masked in the error, the database and the exports', async () => {
    const fake = await startFakeOpenAI();
    const dir = mkdtempSync(join(tmpdir(), 'plume-mask-'));
    const service = createPlumeService({ dataDir: dir, vault: new FileVault(dir), mode: 'web', version: 't', maxRetries: 0 });
    try {
      const headers = { 'x-gateway-token': GATEWAY_TOKEN, 'x-org': ORG_ID, 'x-title': 'Plume test' };
      const { provider } = await service.handlers['providers:save']({ name: 'Gateway', kind: 'openai', baseURL: fake.baseURL, model: 'gpt-t', apiKey: KEY, headers });
      const conversation = await service.handlers['conversations:create']({ providerId: provider.id, model: 'gpt-t' });
      const echo = `Token ${GATEWAY_TOKEN} for org ${ORG_ID} is not allowed (key ${KEY}, upstream said Bearer ${OTHER_BEARER}); title Plume test`;
      fake.replyError(401, { message: echo });

      const { main, renderer } = nodePortPair();
      service.openStream({ conversationId: conversation.id, providerId: provider.id, model: 'gpt-t', action: { kind: 'send', text: 'hi' } }, main);
      const consumer = new TestConsumer(renderer, { autoGrant: true });
      await consumer.until(() => consumer.ended !== undefined || consumer.lost);
      renderer.close();
      const error = consumer.ended?.outcome.error;
      expect(error?.kind).toBe('auth');
      // The request did carry the header: masking is about what comes back.
      expect(fake.requests.at(-1)?.headers['x-gateway-token']).toBe(GATEWAY_TOKEN);
      const shown = JSON.stringify(error);
      for (const secret of [GATEWAY_TOKEN, ORG_ID, KEY, OTHER_BEARER]) expect(shown).not.toContain(secret);
      expect(error?.detail).toContain('[secret hidden]');
      expect(error?.detail).toContain('title Plume test'); // ordinary values stay readable

      fake.replyError(401, { message: echo });
      const test = await service.handlers['providers:test']({ id: provider.id });
      for (const secret of [GATEWAY_TOKEN, ORG_ID, KEY]) expect(JSON.stringify(test)).not.toContain(secret);

      for (const format of ['markdown', 'json', 'html'] as const) {
        const exported = takeExport(service, await service.handlers['export:conversation']({ id: conversation.id, format }));
        for (const secret of [GATEWAY_TOKEN, ORG_ID, KEY, OTHER_BEARER]) expect(exported.content, format).not.toContain(secret);
      }
      service.store.db.exec('PRAGMA wal_checkpoint(PASSIVE)');
      for (const file of readdirSync(dir).filter((f) => f.startsWith('plume.db'))) {
        const bytes = readFileSync(join(dir, file));
        for (const secret of [GATEWAY_TOKEN, ORG_ID, KEY, OTHER_BEARER]) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
      }
    } finally {
      service.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats a header as secret by its name or by a token-shaped value, and leaves plain values alone', () => {
    expect(secretHeaderValues({ 'X-Api-Key': 'short1', 'x-session': 'abc', 'x-org': ORG_ID, 'x-title': 'My app', 'anthropic-version': '2023-06-01' })).toEqual([
      'short1',
      'abc',
      ORG_ID,
    ]);
    // Secrets too short to mask safely (local dummies) do not blank ordinary words.
    expect(scrubSecrets('abc is fine', undefined, ['abc'])).toBe('abc is fine');
    expect(scrubSecrets(`Authorization: Bearer ${OTHER_BEARER}`)).toBe('Authorization: Bearer [secret hidden]');
  });
});

describe('key hints', () => {
  it('show only the last 4 characters, and only for keys of 16 characters or more', () => {
    expect(keyHint('abcd-wxyz')).toBe('••••'); // 9 characters: the old hint showed all of it
    expect(keyHint('sk-0123456789abc')).toBe('…9abc'); // 16
    expect(keyHint('sk-012345678abc')).toBe('••••'); // 15
    expect(keyHint('sk-ant-api03-0123456789abcdefWXYZ')).toBe('…WXYZ');
    for (const key of ['abcd-wxyz', 'sk-0123456789abc', 'sk-ant-api03-0123456789abcdefWXYZ']) {
      const shown = keyHint(key).replace(/[…•]/g, '');
      expect(shown.length).toBeLessThanOrEqual(4);
      expect(key.endsWith(shown)).toBe(true);
    }
  });
});
