import { useId, useState, type FormEvent } from 'react';
import type { ProviderInput, ProviderKind, ProviderView, SavedProvider } from '../../../shared/contract';

const DEFAULT_BASE_URL: Record<ProviderKind, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
};

interface Props {
  existing?: ProviderView;
  onSave(input: ProviderInput): Promise<SavedProvider>;
  onSaved(saved: SavedProvider): void;
  onCancel?(): void;
  onRemove?(id: string): Promise<void>;
}

export function ProviderForm({ existing, onSave, onSaved, onCancel, onRemove }: Props) {
  const id = useId();
  const [kind, setKind] = useState<ProviderKind>(existing?.kind ?? 'openai');
  const [name, setName] = useState(existing?.name ?? '');
  const [baseURL, setBaseURL] = useState(existing?.baseURL ?? DEFAULT_BASE_URL.openai);
  const [apiKey, setApiKey] = useState('');
  const [model, setModel] = useState(existing?.model ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changeKind = (next: ProviderKind) => {
    // Swap the base URL only if the user had not typed their own.
    if (baseURL === DEFAULT_BASE_URL[kind]) setBaseURL(DEFAULT_BASE_URL[next]);
    setKind(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const input: ProviderInput = { name: name || (kind === 'anthropic' ? 'Anthropic' : 'OpenAI-compatible'), kind, baseURL, model };
      if (existing) input.id = existing.id;
      if (apiKey !== '') input.apiKey = apiKey;
      const saved = await onSave(input);
      setApiKey('');
      onSaved(saved);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="provider-form" onSubmit={submit} aria-label={existing ? `Edit ${existing.name}` : 'Add a provider'}>
      <h2>{existing ? `Edit ${existing.name}` : 'Add a provider'}</h2>
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => changeKind(e.target.value as ProviderKind)}>
        <option value="openai">OpenAI or OpenAI-compatible (Ollama, LM Studio, OpenRouter…)</option>
        <option value="anthropic">Anthropic</option>
      </select>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder={kind === 'anthropic' ? 'Anthropic' : 'OpenAI-compatible'} />
      <label htmlFor={`${id}-url`}>Base URL</label>
      <input id={`${id}-url`} value={baseURL} onChange={(e) => setBaseURL(e.target.value)} spellCheck={false} />
      <label htmlFor={`${id}-key`}>API key</label>
      <input
        id={`${id}-key`}
        type="password"
        autoComplete="off"
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value)}
        placeholder={existing?.keyHint ? `Saved: ${existing.keyHint} (leave empty to keep)` : 'Not needed for local servers'}
      />
      <label htmlFor={`${id}-model`}>Model</label>
      <input id={`${id}-model`} value={model} onChange={(e) => setModel(e.target.value)} placeholder="e.g. gpt-4o-mini, claude-sonnet-4-5, llama3.2" spellCheck={false} />
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>Save provider</button>
        {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
        {existing && onRemove && (
          <button type="button" className="danger" onClick={() => void onRemove(existing.id)}>Remove</button>
        )}
      </div>
    </form>
  );
}
