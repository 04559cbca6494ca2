// settings.json survives hand edits, and prices apply to dated model snapshots.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppSettingsStore } from '../../../src/main/services/app-settings';
import { costUSD, DEFAULT_SETTINGS, priceFor } from '../../../src/shared/settings';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dir(): string {
  const made = mkdtempSync(join(tmpdir(), 'plume-settings-'));
  dirs.push(made);
  return made;
}

describe('AppSettingsStore', () => {
  it('keeps the good fields of a damaged file and defaults the rest', async () => {
    const where = dir();
    writeFileSync(join(where, 'settings.json'), JSON.stringify({ idleTimeoutSec: 'soon', prices: [{ model: 'm', inputPerMTok: 1, outputPerMTok: 2 }] }));
    const settings = await new AppSettingsStore(where).get();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, prices: [{ model: 'm', inputPerMTok: 1, outputPerMTok: 2 }] });
  });

  it('starts from the defaults when the file is not JSON, and saves what is then read back', async () => {
    const where = dir();
    writeFileSync(join(where, 'settings.json'), '{not json');
    const store = new AppSettingsStore(where);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    await store.save({ idleTimeoutSec: 120 });
    expect((await new AppSettingsStore(where).get()).idleTimeoutSec).toBe(120);
  });

  it('keeps the defaults for new chats: a blank model means the provider\'s own, bad values are refused whole', async () => {
    const where = dir();
    const store = new AppSettingsStore(where);
    await store.save({ defaultModel: '  gpt-e2e-mini ', defaultSystemPrompt: 'Answer in French.' });
    expect(await new AppSettingsStore(where).get()).toMatchObject({ defaultModel: 'gpt-e2e-mini', defaultSystemPrompt: 'Answer in French.' });
    expect((await store.save({ defaultModel: '' })).defaultModel).toBeNull();
    await expect(store.save({ defaultSystemPrompt: 42, idleTimeoutSec: 30 })).rejects.toThrow(/default system prompt/);
    await expect(store.save({ defaultModel: 'x'.repeat(500) })).rejects.toThrow(/default model/);
    expect(await new AppSettingsStore(where).get()).toMatchObject({ idleTimeoutSec: 60, defaultModel: null, defaultSystemPrompt: 'Answer in French.' });
  });
});

describe('prices', () => {
  const table = [
    { model: 'gpt-4o', inputPerMTok: 2.5, outputPerMTok: 10 },
    { model: 'gpt-4o-mini', inputPerMTok: 0.15, outputPerMTok: 0.6 },
  ];

  it('an exact id wins, else the longest family prefix; unknown models have no price', () => {
    expect(priceFor(table, 'gpt-4o-mini')?.model).toBe('gpt-4o-mini');
    expect(priceFor(table, 'gpt-4o-mini-2024-07-18')?.model).toBe('gpt-4o-mini');
    expect(priceFor(table, 'gpt-4o-2024-08-06')?.model).toBe('gpt-4o');
    expect(priceFor(table, 'gpt-4oo')).toBeUndefined();
    expect(priceFor(table, 'llama3.2')).toBeUndefined();
  });

  it('costs input and output tokens separately, and nothing without counts', () => {
    expect(costUSD({ inputTokens: 1_000_000, outputTokens: 100_000 }, table[0] as (typeof table)[0])).toBeCloseTo(3.5);
    expect(costUSD({}, table[0] as (typeof table)[0])).toBeUndefined();
  });
});
