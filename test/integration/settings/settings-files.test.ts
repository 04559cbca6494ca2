// providers.json and settings.json are changed, never clobbered: each write re-reads the file and
// changes only what it was asked to, writes run one at a time, and the previous file is kept.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSettingsStore } from '../../../src/main/services/app-settings';
import { ProviderSettings } from '../../../src/main/settings/provider-settings';
import { tempDirs } from '../../support/temp-dirs';

const fresh = tempDirs('plume-settings-');
const provider = (name: string) => ({ name, kind: 'openai' as const, baseURL: `http://127.0.0.1:9/${name}`, model: 'm' });

describe('providers.json', () => {
  it('a provider saved by a second window survives the first window saving another', async () => {
    const dir = fresh();
    const windowA = new ProviderSettings(dir);
    const windowB = new ProviderSettings(dir);
    await windowA.list();
    await windowB.list(); // both have read the (empty) file
    await windowA.upsert(provider('from-a'));
    await windowB.upsert(provider('from-b'));
    await windowA.upsert(provider('from-a-again'));
    const names = (await new ProviderSettings(dir).list()).map((p) => p.name).sort();
    expect(names).toEqual(['from-a', 'from-a-again', 'from-b']);
  });

  it('many saves at once in one process all land, and the previous file is kept', async () => {
    const dir = fresh();
    const settings = new ProviderSettings(dir);
    await Promise.all(Array.from({ length: 12 }, (_, i) => settings.upsert(provider(`p${i}`))));
    expect(await new ProviderSettings(dir).list()).toHaveLength(12);
    expect(JSON.parse(readFileSync(join(dir, 'providers.json.previous'), 'utf8'))).toHaveLength(11);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('settings.json', () => {
  it('a change from one window keeps the fields another window changed', async () => {
    const dir = fresh();
    const windowA = new AppSettingsStore(dir);
    const windowB = new AppSettingsStore(dir);
    await windowA.get();
    await windowB.get();
    await windowA.save({ prices: [{ model: 'gpt-x', inputPerMTok: 1, outputPerMTok: 2 }] });
    await windowB.save({ idleTimeoutSec: 90 });
    const saved = await new AppSettingsStore(dir).get();
    expect(saved.idleTimeoutSec).toBe(90);
    expect(saved.prices).toEqual([{ model: 'gpt-x', inputPerMTok: 1, outputPerMTok: 2 }]);
  });
});

describe('a damaged settings file', () => {
  for (const [file, save] of [
    ['providers.json', (dir: string) => new ProviderSettings(dir).upsert(provider('new'))],
    ['settings.json', (dir: string) => new AppSettingsStore(dir).save({ idleTimeoutSec: 90 })],
  ] as const) {
    it(`${file} that does not parse is kept aside, byte for byte, before a save replaces it`, async () => {
      const dir = fresh();
      const damaged = '[{"id": "p1", "name": "Mine", "kind": "openai", "baseURL": "http://x", "model"';
      writeFileSync(join(dir, file), damaged);
      await save(dir);
      const aside = readdirSync(dir).filter((f) => f.startsWith(`${file}.unreadable-`));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(damaged);
      expect(() => JSON.parse(readFileSync(join(dir, file), 'utf8'))).not.toThrow();
    });
  }
});
