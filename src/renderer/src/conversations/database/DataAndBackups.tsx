// Settings → Your data: where backups live, "Back up now", "Restore from backup…" (the current
// file is kept aside first), the result of the check run after start, and "Delete all data".
import { useEffect, useId, useState } from 'react';
import type { DatabaseStatus } from '../../../../shared/contract';
import { bridge } from '../../bridge';
import { backupLabel } from './backup-label';
import './database.css';

/** `onReplaced` runs after a restore or an erase: the window then reloads what it shows. */
export function DataAndBackups({ onReplaced }: { onReplaced(): void }) {
  const id = useId();
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState<'restore' | 'erase' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    bridge.invoke('database:status', undefined).then(setStatus, (e: Error) => setError(e.message));
  }, []);

  const act = async (work: () => Promise<DatabaseStatus | void>, done: string) => {
    setError(null);
    setMessage(null);
    try {
      const next = await work();
      if (next) setStatus(next);
      setMessage(done);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setConfirming(null);
    }
  };

  const backups = status?.backups ?? [];
  const target = chosen || backups[0]?.name || '';
  return (
    <section className="settings-panel data-section" data-section="your-data" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>Your data</h2>
      {status?.readOnly && (
        <>
          <p className="form-error">{status.problem} It is open read-only: nothing can be changed or saved until you restore a backup or start with an empty database (the damaged file is kept beside it).</p>
          <div className="form-actions">
            <button type="button" onClick={() => void act(async () => {
              const next = await bridge.invoke('database:startFresh', undefined);
              onReplaced();
              return next;
            }, 'Started with an empty database.')}>Start with an empty database</button>
          </div>
        </>
      )}
      {status && (
        <p className="field-hint">
          Conversations: <code>{status.path}</code>. Backups (the last five, taken before every import and upgrade and when you ask): <code>{status.backupDir}</code>
        </p>
      )}
      {status && status.check !== 'ok' && status.check !== 'running' && <p className="form-error" role="alert">{status.check}</p>}
      {status?.notices.map((n) => <p key={n} className="notice">{n}</p>)}
      <div className="form-actions">
        <button type="button" onClick={() => void act(() => bridge.invoke('database:backup', undefined), 'Backup taken.')}>Back up now</button>
      </div>
      {backups.length > 0 && (
        <>
          <label htmlFor={`${id}-backup`}>Restore from backup…</label>
          <select id={`${id}-backup`} value={target} onChange={(e) => setChosen(e.target.value)}>
            {backups.map((b) => <option key={b.name} value={b.name}>{backupLabel(b)}</option>)}
          </select>
          {confirming === 'restore' ? (
            <div className="form-actions" role="group" aria-label="Confirm restore">
              <span>Replace your conversations with this backup? The current file is backed up first.</span>
              <button type="button" className="primary" onClick={() => void act(async () => {
                const next = await bridge.invoke('database:restore', { name: target });
                onReplaced();
                return next;
              }, 'Backup restored.')}>Restore</button>
              <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
            </div>
          ) : (
            <div className="form-actions"><button type="button" onClick={() => setConfirming('restore')}>Restore this backup</button></div>
          )}
        </>
      )}
      {confirming === 'erase' ? (
        <div className="form-actions" role="group" aria-label="Confirm delete all data">
          <span>Erase every conversation, backup, provider and API key on this computer? This cannot be undone.</span>
          <button type="button" className="danger" onClick={() => void act(async () => {
            await bridge.invoke('data:eraseAll', { confirm: 'erase' });
            onReplaced();
          }, 'Everything was erased.')}>Erase everything</button>
          <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
        </div>
      ) : (
        <div className="form-actions"><button type="button" onClick={() => setConfirming('erase')}>Delete all data…</button></div>
      )}
      {message && <p className="notice" role="status">{message}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
