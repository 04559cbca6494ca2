import { expect } from 'vitest';

/** The database status, after checking it says nothing of read-only (the field is absent when writable). */
export function notReadOnly<T extends { readOnly?: string }>(status: T): T {
  expect(status.readOnly).toBeUndefined();
  return status;
}
