// Provider configurations (never keys) in providers.json in the data directory. Every change
// re-reads the file and changes only its own record, so another writer's providers survive, and
// is written atomically with the previous file kept.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ProviderKind } from '../../shared/contract';
import { readJsonKeepingDamaged, writeJsonFile } from './json-file';
import { oneAtATime } from './one-at-a-time';

export interface ProviderRecord {
  id: string;
  name: string;
  kind: ProviderKind;
  baseURL: string;
  model: string;
  /** Stored only when off: `<think>…</think>` in this provider's replies is text. */
  readThinkTags?: false;
}

export class ProviderSettings {
  private records: ProviderRecord[] | undefined;
  private readonly serial = oneAtATime();

  constructor(private readonly dir: string) {}

  async list(): Promise<ProviderRecord[]> {
    this.records ??= await this.read();
    return this.records;
  }

  /** What is on disk now. A damaged file is copied aside first (the next save replaces it). */
  private async read(): Promise<ProviderRecord[]> {
    const { value } = await readJsonKeepingDamaged(this.path(), Array.isArray);
    return Array.isArray(value) ? value.filter(isRecord) : [];
  }

  async get(id: string): Promise<ProviderRecord | undefined> {
    return (await this.list()).find((record) => record.id === id);
  }

  async upsert(record: Omit<ProviderRecord, 'id'> & { id?: string }): Promise<ProviderRecord> {
    const saved: ProviderRecord = { ...record, id: record.id ?? randomUUID() };
    await this.change((records) => {
      const index = records.findIndex((r) => r.id === saved.id);
      return index === -1 ? [...records, saved] : records.map((r, i) => (i === index ? saved : r));
    });
    return saved;
  }

  async remove(id: string): Promise<void> {
    await this.change((records) => records.filter((r) => r.id !== id));
  }

  private change(apply: (records: ProviderRecord[]) => ProviderRecord[]): Promise<void> {
    return this.serial(async () => this.save(apply(await this.read())));
  }

  private path() {
    return join(this.dir, 'providers.json');
  }

  private async save(records: ProviderRecord[]): Promise<void> {
    await writeJsonFile(this.path(), records, { pretty: true, keepPrevious: true });
    this.records = records;
  }
}

function isRecord(value: unknown): value is ProviderRecord {
  const r = value as Partial<ProviderRecord>;
  return (
    typeof r === 'object' && r !== null &&
    typeof r.id === 'string' && typeof r.name === 'string' &&
    (r.kind === 'openai' || r.kind === 'anthropic') &&
    typeof r.baseURL === 'string' && typeof r.model === 'string'
  );
}
