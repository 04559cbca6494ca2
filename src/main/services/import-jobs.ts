// Imports the window is waiting on, by the id the window chose, so it can ask how far one got
// and cancel it while the `import:file` call is still running.
import type { ImportJobProgress } from '../../shared/conversations';
import type { ImportProgress } from '../store/import/sliced';

interface Job {
  progress: ImportProgress;
  controller: AbortController;
}

export class ImportJobs {
  readonly #jobs = new Map<string, Job>();

  /** Registers `id` (or an anonymous job) for the time `run` takes. */
  async run<T>(id: string | undefined, run: (job: { signal: AbortSignal; onProgress(p: ImportProgress): void }) => Promise<T>): Promise<T> {
    const job: Job = { progress: { done: 0, total: 0 }, controller: new AbortController() };
    if (id) this.#jobs.set(id, job);
    try {
      return await run({ signal: job.controller.signal, onProgress: (p) => (job.progress = p) });
    } finally {
      if (id) this.#jobs.delete(id);
    }
  }

  progress(id: string): ImportJobProgress | null {
    const job = this.#jobs.get(id);
    return job ? { ...job.progress } : null;
  }

  cancel(id: string): void {
    this.#jobs.get(id)?.controller.abort();
  }
}
