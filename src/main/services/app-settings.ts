// settings.json in the data directory: the price table, the idle-stream timeout, the reply size cap and the defaults
// for new chats (provider, model, system prompt). Everything written comes from the window, so it is checked field by field and a bad
// value is refused with a sentence instead of being stored.
import { join } from 'node:path';
import { type AppSettings, DEFAULT_SETTINGS, IDLE_TIMEOUT_LIMITS, MAX_DEFAULT_SYSTEM_CHARS, MAX_MODEL_ID_CHARS, MAX_REPLY_LIMITS, type PriceRow, TOOL_STEP_LIMITS } from '../../shared/settings';
import { readJsonKeepingDamaged, writeJsonFile } from '../settings/json-file';
import { oneAtATime } from '../settings/one-at-a-time';
import { InvalidInput } from './request-validation';

const FILE = 'settings.json';
/** A price table is a handful of rows; a huge one is a bug or an attack on the file. */
const MAX_PRICE_ROWS = 500;

export class AppSettingsStore {
  private current: AppSettings | undefined;
  private readonly serial = oneAtATime();

  constructor(private readonly dir: string) {}

  async get(): Promise<AppSettings> {
    this.current ??= await this.read();
    return this.current;
  }

  /**
   * What is on disk now. A file edited by hand into nonsense falls back field by field rather
   * than failing to start; one that does not parse is copied aside before a save replaces it.
   */
  private async read(): Promise<AppSettings> {
    const { value } = await readJsonKeepingDamaged(join(this.dir, FILE), (v) => typeof v === 'object' && v !== null);
    return { ...DEFAULT_SETTINGS, ...salvage(value) };
  }

  /**
   * Applies the fields present in `change` to the file as it is now (another writer's fields
   * survive); throws InvalidInput and changes nothing when one is bad.
   */
  async save(change: unknown): Promise<AppSettings> {
    if (typeof change !== 'object' || change === null) throw new InvalidInput('The settings were empty.');
    const parsed = parseSettingsChange(change as Record<string, unknown>);
    return this.serial(async () => {
      const next = { ...(await this.read()), ...parsed };
      await writeJsonFile(join(this.dir, FILE), next, { pretty: true, keepPrevious: true });
      this.current = next;
      return next;
    });
  }
}

function parseSettingsChange(change: Record<string, unknown>): Partial<AppSettings> {
  const out: Partial<AppSettings> = {};
  if ('idleTimeoutSec' in change) {
    const sec = change.idleTimeoutSec;
    if (typeof sec !== 'number' || !Number.isFinite(sec) || sec < IDLE_TIMEOUT_LIMITS.minSec || sec > IDLE_TIMEOUT_LIMITS.maxSec) {
      throw new InvalidInput(`The stalled-reply timeout must be between ${IDLE_TIMEOUT_LIMITS.minSec} and ${IDLE_TIMEOUT_LIMITS.maxSec} seconds.`);
    }
    out.idleTimeoutSec = Math.round(sec);
  }
  if ('defaultProviderId' in change) {
    const id = change.defaultProviderId;
    if (id !== null && (typeof id !== 'string' || id === '')) throw new InvalidInput('Choose a provider to use by default.');
    out.defaultProviderId = id;
  }
  if ('defaultModel' in change) {
    const model = change.defaultModel;
    if (model !== null && (typeof model !== 'string' || model.trim().length > MAX_MODEL_ID_CHARS)) {
      throw new InvalidInput(`The default model must be a model id of at most ${MAX_MODEL_ID_CHARS} characters.`);
    }
    // A blank id means "the provider's own model".
    out.defaultModel = model === null || model.trim() === '' ? null : model.trim();
  }
  if ('defaultSystemPrompt' in change) {
    const text = change.defaultSystemPrompt;
    if (typeof text !== 'string' || text.length > MAX_DEFAULT_SYSTEM_CHARS) {
      throw new InvalidInput(`The default system prompt must be text of at most ${MAX_DEFAULT_SYSTEM_CHARS.toLocaleString('en')} characters.`);
    }
    out.defaultSystemPrompt = text;
  }
  if ('prices' in change) out.prices = parsePrices(change.prices);
  if ('maxReplyMB' in change) {
    const mb = change.maxReplyMB;
    if (typeof mb !== 'number' || !Number.isFinite(mb) || mb < MAX_REPLY_LIMITS.minMB || mb > MAX_REPLY_LIMITS.maxMB) {
      throw new InvalidInput(`The longest reply must be between ${MAX_REPLY_LIMITS.minMB} and ${MAX_REPLY_LIMITS.maxMB} MB of text.`);
    }
    out.maxReplyMB = mb;
  }
  if ('maxToolSteps' in change) {
    const steps = change.maxToolSteps;
    if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < TOOL_STEP_LIMITS.min || steps > TOOL_STEP_LIMITS.max) {
      throw new InvalidInput(`Tool steps per reply must be a whole number from ${TOOL_STEP_LIMITS.min} to ${TOOL_STEP_LIMITS.max}.`);
    }
    out.maxToolSteps = steps;
  }
  return out;
}

function parsePrices(value: unknown): PriceRow[] {
  if (!Array.isArray(value)) throw new InvalidInput('The price table was not a list.');
  if (value.length > MAX_PRICE_ROWS) throw new InvalidInput(`The price table can hold at most ${MAX_PRICE_ROWS} rows.`);
  const seen = new Set<string>();
  return value.map((raw, index) => {
    const row = raw as Partial<PriceRow> | null;
    const model = typeof row?.model === 'string' ? row.model.trim() : '';
    const at = `Row ${index + 1} of the price table`;
    if (model === '') throw new InvalidInput(`${at} has no model id.`);
    if (seen.has(model)) throw new InvalidInput(`${at} repeats the model "${model}".`);
    seen.add(model);
    for (const field of ['inputPerMTok', 'outputPerMTok'] as const) {
      const n = row?.[field];
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
        throw new InvalidInput(`${at} (${model}) needs a price of zero or more for ${field === 'inputPerMTok' ? 'input' : 'output'} tokens.`);
      }
    }
    const clean: PriceRow = { model, inputPerMTok: row?.inputPerMTok as number, outputPerMTok: row?.outputPerMTok as number };
    // Cache prices are optional (the input price applies), but never nonsense when given.
    for (const [field, words] of [['cacheReadPerMTok', 'cache reads'], ['cacheWritePerMTok', 'cache writes']] as const) {
      const n = row?.[field];
      if (n === undefined || n === null) continue;
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new InvalidInput(`${at} (${model}) needs a price of zero or more for ${words}, or none.`);
      clean[field] = n;
    }
    return clean;
  });
}

function salvage(value: unknown): Partial<AppSettings> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Partial<AppSettings> = {};
  for (const key of ['idleTimeoutSec', 'defaultProviderId', 'defaultModel', 'defaultSystemPrompt', 'prices', 'maxReplyMB', 'maxToolSteps'] as const) {
    try {
      Object.assign(out, parseSettingsChange({ [key]: (value as Record<string, unknown>)[key] }));
    } catch {
      // keep the default for this field
    }
  }
  return out;
}
