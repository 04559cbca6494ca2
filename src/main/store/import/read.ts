// Reading untrusted JSON with errors that name the exact place, e.g.
// "conversations[3].mapping.abc.parent points to a missing node".
export class ImportError extends Error {
  readonly where: string;
  constructor(where: string, problem: string) {
    super(where ? `${where} ${problem}` : problem);
    this.name = 'ImportError';
    this.where = where;
  }
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export function obj(v: Json | undefined, where: string): JsonObject {
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) {
    throw new ImportError(where, v === undefined ? 'is missing' : `should be an object but is ${kind(v)}`);
  }
  return v;
}

export function arr(v: Json | undefined, where: string): Json[] {
  if (!Array.isArray(v)) throw new ImportError(where, v === undefined ? 'is missing' : `should be an array but is ${kind(v)}`);
  return v;
}

export function str(v: Json | undefined, where: string): string {
  if (typeof v !== 'string') throw new ImportError(where, v === undefined ? 'is missing' : `should be a string but is ${kind(v)}`);
  return v;
}

export function optStr(v: Json | undefined, where: string): string | null {
  return v === undefined || v === null ? null : str(v, where);
}

export function num(v: Json | undefined, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ImportError(where, v === undefined ? 'is missing' : `should be a number but is ${kind(v)}`);
  }
  return v;
}

export function optNum(v: Json | undefined, where: string): number | null {
  return v === undefined || v === null ? null : num(v, where);
}

/** ISO 8601 text to epoch ms. */
export function isoTime(v: Json | undefined, where: string): number {
  const ms = Date.parse(str(v, where));
  if (Number.isNaN(ms)) throw new ImportError(where, `is not a date: ${JSON.stringify(v)}`);
  return ms;
}

export function oneOf<T extends string>(v: Json | undefined, allowed: readonly T[], where: string): T {
  const s = str(v, where);
  if (!(allowed as readonly string[]).includes(s)) {
    throw new ImportError(where, `is ${JSON.stringify(s)}; expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return s as T;
}

/** `key` as it would be written in a path: mapping.abc, or mapping["a b"] when it needs quoting. */
export function member(base: string, key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}
