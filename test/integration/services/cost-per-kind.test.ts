// Each kind of token at its own price: what a cached Anthropic prompt or an OpenAI reasoning
// reply really costs, and cache prices the settings screen can leave blank.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppSettingsStore } from '../../../src/main/services/app-settings';
import { costUSD, type PriceRow } from '../../../src/shared/settings';

const SONNET: PriceRow = { model: 'claude-sonnet-4-5', inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3, cacheWritePerMTok: 3.75 };

describe('cost per kind of token', () => {
  it('cache reads and writes are priced on their own, not dropped and not at the input price', () => {
    const usage = { inputTokens: 1_000_000, cacheReadTokens: 1_000_000, cacheWriteTokens: 1_000_000, outputTokens: 0 };
    expect(costUSD(usage, SONNET)).toBeCloseTo(3 + 0.3 + 3.75);
  });

  it('reasoning is billed like output, so taking it out of output does not make a reply cheaper', () => {
    expect(costUSD({ inputTokens: 0, outputTokens: 100_000, reasoningTokens: 900_000 }, SONNET)).toBeCloseTo(15);
  });

  it('without cache prices, cached tokens cost the input price', () => {
    expect(costUSD({ cacheReadTokens: 1_000_000, inputTokens: 0 }, { model: 'm', inputPerMTok: 2, outputPerMTok: 8 })).toBeCloseTo(2);
  });
});

describe('cache prices in the settings file', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const store = () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-prices-'));
    dirs.push(dir);
    return new AppSettingsStore(dir);
  };

  it('are kept when given and may be left out', async () => {
    const settings = store();
    await settings.save({ prices: [SONNET, { model: 'local', inputPerMTok: 0, outputPerMTok: 0 }] });
    expect((await settings.get()).prices).toEqual([SONNET, { model: 'local', inputPerMTok: 0, outputPerMTok: 0 }]);
  });

  it('a negative or non-number cache price is refused with a sentence naming the row', async () => {
    await expect(store().save({ prices: [{ ...SONNET, cacheReadPerMTok: -1 }] })).rejects.toThrow(/Row 1 .*claude-sonnet-4-5.*cache reads/);
    await expect(store().save({ prices: [{ ...SONNET, cacheWritePerMTok: Number.NaN }] })).rejects.toThrow(/cache writes/);
  });
});
