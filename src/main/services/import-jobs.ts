// Imports the window is waiting on, by the id the window chose, so it can ask how far one got
// and cancel it while the `import:file` call is still running.
import type { ImportJobProgress } from '../../shared/conversations';
import type { ImportProgress } from '../store/import/sliced';

interface Job {
  progress: ImportProgress;
  controller: AbortController;
}

/** Cancels remembered for imports not started yet (at most this many). */
const EARLY_CANCELS = 100;

export class ImportJobs {
  readonly #jobs = new Map<string, Job>();
  // Cancel can arrive before its import starts (browser mode is still uploading the file): it
  // is kept, and the import then stops before it reads anything.
  readonly #cancelledEarly = new Set<string>();

  /** Registers `id` (or an anonymous job) for the time `run` takes. */
  async run<T>(id: string | undefined, run: (job: { signal: AbortSignal; onProgress(p: ImportProgress): void }) => Promise<T>): Promise<T> {
    const job: Job = { progress: { done: 0, total: 0 }, controller: new AbortController() };
    if (id) this.#jobs.set(id, job);
    if (id && this.#cancelledEarly.delete(id)) job.controller.abort();
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
    const job = this.#jobs.get(id);
    if (job) return job.controller.abort();
    if (this.#cancelledEarly.size >= EARLY_CANCELS) this.#cancelledEarly.delete(this.#cancelledEarly.values().next().value!);
    this.#cancelledEarly.add(id);
  }
}
