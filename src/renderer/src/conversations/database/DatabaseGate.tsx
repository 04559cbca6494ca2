// Before the app: is the conversation database usable? When it is not (damaged, from a newer
// Plume, not writable), a plain page says what is wrong and what can be done — restore the
// latest backup or start with an empty database, the old file always kept — instead of an app
// whose every call fails.
import { useEffect, useState, type ReactNode } from 'react';
import type { DatabaseStatus } from '../../../../shared/contract';
import { bridge } from '../../bridge';
import { backupLabel } from './backup-label';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import './database.css';

export function DatabaseGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // A host without these channels (or a failing call) must not keep the app from starting.
    bridge.invoke('database:status', undefined).then(setStatus, () => setStatus({ state: 'ok' } as DatabaseStatus));
  }, []);

  if (status === null) return <main className="app" aria-busy="true" />;
  if (status.state === 'ok') return status.readOnly ? <ReadOnlyBanner reason={status.readOnly}>{children}</ReadOnlyBanner> : <>{children}</>;

  const run = (call: Promise<DatabaseStatus>) => {
    setBusy(true);
    setError(null);
    call.then(setStatus, (e: Error) => setError(e.message)).finally(() => setBusy(false));
  };
  const latest = status.backups[0];
  return (
    <main className="app setup">
      <section className="settings-panel data-section" aria-labelledby="db-problem-title">
        <h1 id="db-problem-title">Plume cannot open your conversations</h1>
        <p role="alert">{status.problem}</p>
        {status.remedy && <p>{status.remedy}</p>}
        <div className="form-actions">
          {latest && (
            <button type="button" className="primary" disabled={busy} onClick={() => run(bridge.invoke('database:restore', {}))}>
              Restore the latest backup ({backupLabel(latest)})
            </button>
          )}
          {status.state !== 'unwritable' && (
            <button type="button" disabled={busy} onClick={() => run(bridge.invoke('database:startFresh', undefined))}>
              Start with an empty database
            </button>
          )}
        </div>
        <p className="field-hint">Nothing is deleted: the current file stays beside the new one, renamed. Backups: <code>{status.backupDir}</code></p>
        {error && <p className="form-error" role="alert">{error}</p>}
      </section>
    </main>
  );
}
