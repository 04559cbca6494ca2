// The file both key vaults keep their ciphertexts in: `{ id: sealed text }`. It never loses a
// key it could read. Each entry is checked on its own, so one damaged entry costs that key only
// (and stays in the file untouched); a file that does not parse at all is copied aside, never
// rewritten, and the vault says so in Settings. Every write re-reads the file and changes only
// its own entry, so a second writer's keys survive, and is atomic with the previous file kept.
import { basename } from 'node:path';
import { readJsonKeepingDamaged, writeJsonFile } from './json-file';
import { oneAtATime } from './one-at-a-time';
import { VaultError } from './key-vault';

/** Part of every message about a key that cannot be used, so the window and tests can match it. */
export const KEY_UNREADABLE = 'key unreadable — enter it again';

export class SealedEntries {
  private cache: Record<string, unknown> | undefined;
  /** Set when the file did not parse: what happened and where the original bytes are kept. */
  problem: string | undefined;
  private readonly serial = oneAtATime();

  constructor(private readonly path: string) {}

  /** The sealed text for `id`, undefined when there is none; throws when it is there but damaged. */
  async read(id: string): Promise<string | undefined> {
    const entries = (this.cache ??= await this.load());
    if (!Object.hasOwn(entries, id)) return undefined;
    const sealed = entries[id];
    if (typeof sealed !== 'string' || sealed === '') throw new VaultError(`The saved API ${KEY_UNREADABLE} (its entry in the vault is damaged).`);
    return sealed;
  }

  async write(id: string, sealed: string): Promise<void> {
    await this.change((entries) => {
      entries[id] = sealed;
    });
  }

  async remove(id: string): Promise<void> {
    await this.change((entries) => Object.hasOwn(entries, id) && delete entries[id]);
  }

  /** `apply` returns false when it changed nothing, and then nothing is written. */
  private change(apply: (entries: Record<string, unknown>) => boolean | void): Promise<void> {
    return this.serial(async () => {
      const entries = await this.load();
      if (apply(entries) === false) return;
      await writeJsonFile(this.path, entries, { secret: true, keepPrevious: true });
      this.cache = entries;
    });
  }

  /** The entries on disk now; an unparseable file is kept aside and reads as empty. */
  private async load(): Promise<Record<string, unknown>> {
    const { value, keptAs } = await readJsonKeepingDamaged(this.path, isPlainObject);
    if (keptAs) {
      this.problem =
        `The saved API keys could not be read: ${basename(this.path)} is damaged. It was kept unchanged as ${basename(keptAs)}; ` +
        'providers that had a key show “key unreadable — enter it again” until you enter their keys again.';
    }
    return Object.assign(Object.create(null) as Record<string, unknown>, value);
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
