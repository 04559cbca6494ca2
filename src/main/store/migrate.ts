// Brings a database file to the current schema, all or nothing.
import type { Db } from './database.ts';
import type { Migration } from './schema.ts';

export class MigrationError extends Error {
  readonly fromVersion: number;
  readonly failedVersion: number;
  constructor(message: string, fromVersion: number, failedVersion: number, cause?: unknown) {
    super(message, { cause });
    this.name = 'MigrationError';
    this.fromVersion = fromVersion;
    this.failedVersion = failedVersion;
  }
}

function schemaVersion(db: Db): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

/**
 * Applies every pending step inside a single transaction, so a failure anywhere rolls the
 * file back to exactly what it was (SQLite DDL and user_version are transactional).
 */
export function migrate(db: Db, migrations: readonly Migration[], beforeUpgrade?: (from: number) => void): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new MigrationError(
      `This conversation database was written by a newer Plume (schema version ${from}; this build knows up to ${latest}). It was not opened, so it stays untouched.`,
      from,
      from,
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  // A file that already holds conversations is copied first (a new, empty one has nothing to lose).
  if (from > 0) beforeUpgrade?.(from);
  db.exec('BEGIN IMMEDIATE');
  let current: Migration | undefined;
  try {
    for (const m of pending) {
      current = m;
      m.up(db);
      db.exec(`PRAGMA user_version = ${m.version}`);
    }
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    const step = current ? `step ${current.version} (${current.name})` : 'an unknown step';
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(
      `Could not upgrade the conversation database from version ${from} to ${latest}: ${step} failed: ${reason}. The file was left unchanged at version ${from}.`,
      from,
      current?.version ?? from,
      err,
    );
  }
  return { from, to: latest };
}
