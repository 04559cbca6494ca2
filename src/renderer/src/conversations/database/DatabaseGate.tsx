// Before the app: is the conversation database usable? When it is not (damaged, from a newer
// Plume, not writable), a plain page says what is wrong and what can be done — restore the
// latest backup, start with an empty database, or (damaged) open it read-only, the old file
// always kept — instead of an app whose every call fails. Once the app runs, a banner above it
// says when the database is read-only or the check after start found damage.
import { useEffect, useState, type ReactNode } from 'react';
import type { DatabaseStatus } from '../../../../shared/contract';
import { bridge } from '../../bridge';
import { backupLabel } from './backup-label';
import { DatabaseBanner, databaseTrouble } from './DatabaseBanner';
import './database.css';

export function DatabaseGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // A host without these channels (or a failing call) must not keep the app from starting.
    bridge.invoke('database:status', undefined).then(setStatus, () => setStatus({ state: 'ok', check: 'ok' } as DatabaseStatus));
  }, []);

  // The check of every page runs in the background after start: ask again until it has answered.
  const checking = status !== null && (status.state === 'ok' || status.readOnly) && status.check === 'running';
  useEffect(() => {
    if (!checking) return;
    const timer = setTimeout(() => void bridge.invoke('database:status', undefined).then(setStatus, () => undefined), 1500);
    return () => clearTimeout(timer);
  }, [checking, status]);

  if (status === null) return <main className="app" aria-busy="true" />;
  if (status.state === 'ok' || status.readOnly) {
    const trouble = databaseTrouble(status);
    if (!trouble) return <>{children}</>;
    return (
      <div className="db-banner-frame">
        <DatabaseBanner text={trouble} />
        <div className="db-banner-body">{children}</div>
      </div>
    );
  }

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
          {status.state === 'damaged' && (
            <button type="button" disabled={busy} onClick={() => run(bridge.invoke('database:openReadOnly', undefined))}>
              Open read-only
            </button>
          )}
        </div>
        {status.state === 'damaged' && <p className="field-hint">Open read-only to read and export what can still be read; nothing in the file changes.</p>}
        <p className="field-hint">Nothing is deleted: the current file stays beside the new one, renamed. Backups: <code>{status.backupDir}</code></p>
        {error && <p className="form-error" role="alert">{error}</p>}
      </section>
    </main>
  );
}
