// The line shown while an import runs: what is being imported, how far it got, and Cancel.
import type { RunningImport } from './use-import';

export function ImportStatus({ running }: { running: RunningImport }) {
  const { progress } = running;
  const counted = progress && progress.total > 0;
  return (
    <div className="import-status">
      <span>
        Importing {running.name}
        {counted ? ` — ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} conversations` : ' — reading the file…'}
      </span>
      <progress aria-label="Import progress" max={counted ? progress.total : undefined} value={counted ? progress.done : undefined} />
      <button type="button" className="link-button" onClick={running.cancel}>Cancel import</button>
    </div>
  );
}
