// A hash of everything a database holds (every table, shadow tables of the search index
// included, rows in key order), to say "exactly as before" about a file after a failure.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export function logicalDumpHash(path: string): string {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    for (const t of tables) {
      hash.update(`${t.name}\n${t.sql}\n`);
      if (/VIRTUAL TABLE/i.test(t.sql)) continue;
      for (const row of db.prepare(`SELECT * FROM "${t.name}" ORDER BY 1, 2`).all()) {
        hash.update(JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
      }
    }
    hash.update(String((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** Every file under `dir` (recursively) whose bytes contain `needle`, as paths relative to it. */
export function filesContaining(dir: string, needle: Buffer): string[] {
  const found: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, join(rel, name));
      else if (readFileSync(full).includes(needle)) found.push(join(rel, name));
    }
  };
  walk(dir, '');
  return found;
}
