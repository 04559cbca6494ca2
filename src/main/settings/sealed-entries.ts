// The file both key vaults keep their ciphertexts in: `{ id: sealed text }`. It never loses a
// key it could read. Each entry is checked on its own, so one damaged entry costs that key only
// (and stays in the file untouched); a file that does not parse at all is copied aside, never
// rewritten, and the vault says so in Settings. Every write re-reads the file and changes only
// its own entry, so a second writer's keys survive, and is atomic with the previous file kept.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { writeJsonFile } from './json-file';
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
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Object.create(null) as Record<string, unknown>;
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return Object.assign(Object.create(null) as Record<string, unknown>, parsed);
    }
    await this.keepAside(bytes);
    return Object.create(null) as Record<string, unknown>;
  }

  private async keepAside(bytes: Buffer): Promise<void> {
    // Named by content, so a restart does not pile up copies of the same damaged file.
    const aside = `${this.path}.unreadable-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`;
    await copyFile(this.path, aside, constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    this.problem =
      `The saved API keys could not be read: ${basename(this.path)} is damaged. It was kept unchanged as ${basename(aside)}; ` +
      'providers that had a key show “key unreadable — enter it again” until you enter their keys again.';
  }
}
