// How keys are protected here (with the Linux no-keyring consent), desktop notifications, and
// the versions Plume runs on. Each change is saved at once.
import { useEffect, useId, useState } from 'react';
import type { AppInfo, DesktopPreferences, VaultDescription } from '../../../shared/contract';
import { bridge } from '../bridge';

export function SecurityAndDesktop() {
  const id = useId();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [vault, setVault] = useState<VaultDescription | null>(null);
  const [desktop, setDesktop] = useState<DesktopPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    bridge.invoke('app:info', undefined).then((loaded) => {
      setInfo(loaded);
      setVault(loaded.vault);
    }, (e: Error) => setError(e.message));
    bridge.invoke('preferences:desktop', {}).then(setDesktop, (e: Error) => setError(e.message));
  }, []);

  const act = <T,>(call: Promise<T>, apply: (value: T) => void) =>
    call.then(apply, (e: Error) => setError(e.message));

  return (
    <section className="settings-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Keys and privacy</h2>
      {vault && <p data-testid="vault-note">{vault.note}</p>}
      {vault?.problem && <p className="form-error" role="alert">{vault.problem}</p>}
      {vault?.canOptIn && (
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={vault.canStore}
            onChange={(e) => act(bridge.invoke('vault:allowWithoutKeyring', { allowed: e.target.checked }), setVault)}
          />
          Save API keys without a keyring (protected by a publicly known password only)
        </label>
      )}
      <p className="field-hint">Plume sends nothing anywhere except to the providers you configure: no telemetry, no update checks, no crash reports.</p>
      {desktop && (
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={desktop.notifyWhenReplyDone}
            onChange={(e) => act(bridge.invoke('preferences:desktop', { notifyWhenReplyDone: e.target.checked }), setDesktop)}
          />
          Notify me when a long reply finishes while Plume is in the background
        </label>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {info && (
        <p className="field-hint" data-testid="versions">
          Plume {info.version} ({info.mode === 'web' ? 'browser mode' : 'desktop'}) ·{' '}
          {Object.entries(info.versions).map(([name, version]) => `${name} ${version}`).join(' · ')}
        </p>
      )}
    </section>
  );
}
