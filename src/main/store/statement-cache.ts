// Prepared statements kept per database for code that runs the same SQL thousands of times in a
// row (an import writes several rows per conversation). Preparing a statement that writes
// `conversations` or `messages` compiles their cascades and full-text triggers too, and every
// prepared statement stays alive until the garbage collector finalizes it: preparing per row made
// a 20,000-conversation import spend most of its time compiling SQL and hold 1 GB.
import type { StatementSync } from 'node:sqlite';
import type { Db } from './database.ts';

const cache = new WeakMap<Db, Map<string, StatementSync>>();

/** The one prepared statement for `sql` on `db`, prepared on first use. */
export function prepared(db: Db, sql: string): StatementSync {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
