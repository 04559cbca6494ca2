// First run: nothing is configured. Offer a local server if one already answers on this machine
// (one click to an offline chat), and the provider form for pasting a key.
import { useEffect, useState } from 'react';
import type { LocalServer, ProviderPresetView, SavedProvider } from '../../../shared/contract';
import { bridge } from '../bridge';
import { ProviderForm } from './ProviderForm';
import { providerApi } from './provider-api';

interface Props {
  presets: readonly ProviderPresetView[];
  onSaved(saved: SavedProvider): void;
}

export function Onboarding({ presets, onSaved }: Props) {
  const [local, setLocal] = useState<LocalServer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    bridge.invoke('providers:detectLocal', undefined).then(
      (found) => live && setLocal(found),
      () => live && setLocal([]), // detection is a convenience: its failure just means "none"
    );
    return () => {
      live = false;
    };
  }, []);

  const useLocal = async (server: LocalServer) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await bridge.invoke('providers:useLocal', { baseURL: server.baseURL }));
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <>
      <header className="welcome">
        <h1>Welcome to Plume</h1>
        <p>Bring your own key, or use models running on this computer. Keys stay in the app's main process, encrypted on disk.</p>
      </header>
      {local === null && <p className="notice" aria-live="polite">Looking for local model servers…</p>}
      {local?.map((server) => (
        <section key={server.baseURL} className="local-offer" aria-label={`${server.label} on this computer`}>
          <h2>{server.label} is running on this computer</h2>
          <p>
            {server.models.length === 1 ? '1 model' : `${server.models.length} models`} available, starting with <code>{server.models[0]}</code>.
            Nothing leaves your machine.
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => void useLocal(server)}>
            Use local models ({server.label})
          </button>
        </section>
      ))}
      {error && <p className="form-error" role="alert">{error}</p>}
      {local !== null && local.length > 0 && <p className="or">Or paste a key for a hosted provider:</p>}
      <ProviderForm presets={presets} onSave={providerApi.save} onSaved={onSaved} onTest={providerApi.test} onListModels={providerApi.models} />
    </>
  );
}
