// Provider configurations (never keys) in providers.json in the data directory.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProviderKind } from '../../shared/contract';
import { writeJsonFile } from './json-file';

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

  constructor(private readonly dir: string) {}

  async list(): Promise<ProviderRecord[]> {
    if (this.records) return this.records;
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path(), 'utf8'));
      this.records = Array.isArray(parsed) ? parsed.filter(isRecord) : [];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.records = [];
    }
    return this.records;
  }

  async get(id: string): Promise<ProviderRecord | undefined> {
    return (await this.list()).find((record) => record.id === id);
  }

  async upsert(record: Omit<ProviderRecord, 'id'> & { id?: string }): Promise<ProviderRecord> {
    const records = await this.list();
    const saved: ProviderRecord = { ...record, id: record.id ?? randomUUID() };
    const index = records.findIndex((r) => r.id === saved.id);
    const next = index === -1 ? [...records, saved] : records.map((r, i) => (i === index ? saved : r));
    await this.save(next);
    return saved;
  }

  async remove(id: string): Promise<void> {
    await this.save((await this.list()).filter((r) => r.id !== id));
  }

  private path() {
    return join(this.dir, 'providers.json');
  }

  private async save(records: ProviderRecord[]): Promise<void> {
    await writeJsonFile(this.path(), records, { pretty: true });
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
