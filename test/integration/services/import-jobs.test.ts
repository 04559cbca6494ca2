// Cancel reaches an import whenever it is pressed: while it runs, and before it started (browser
// mode may still be uploading the file when the user presses Cancel).
import { describe, expect, it } from 'vitest';
import { ImportJobs } from '../../../src/main/services/import-jobs';

describe('import jobs', () => {
  it('a Cancel that arrives before its import starts stops that import, and only that one', async () => {
    const jobs = new ImportJobs();
    jobs.cancel('early');
    expect(await jobs.run('early', async ({ signal }) => signal.aborted)).toBe(true);
    // Used up: the same id started again runs.
    expect(await jobs.run('early', async ({ signal }) => signal.aborted)).toBe(false);
    expect(await jobs.run('other', async ({ signal }) => signal.aborted)).toBe(false);
  });

  it('Cancel while an import runs aborts it', async () => {
    const jobs = new ImportJobs();
    const seen = jobs.run('running', ({ signal }) => new Promise<boolean>((resolve) => signal.addEventListener('abort', () => resolve(true))));
    jobs.cancel('running');
    expect(await seen).toBe(true);
  });
});
