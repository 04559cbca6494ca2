import { useId, useState, type FormEvent } from 'react';
import type {
  ConnectionResult,
  ModelList,
  ProviderInput,
  ProviderKind,
  ProviderPresetView,
  ProviderProbe,
  ProviderView,
  SavedProvider,
} from '../../../shared/contract';
import { parseHeaderLines } from './headers-text';
import { ThinkTagsChoice } from './ThinkTagsChoice';

const CUSTOM = 'custom';

interface Props {
  existing?: ProviderView;
  presets: readonly ProviderPresetView[];
  onSave(input: ProviderInput): Promise<SavedProvider>;
  onSaved(saved: SavedProvider): void;
  onTest(probe: ProviderProbe): Promise<ConnectionResult>;
  onListModels(probe: ProviderProbe): Promise<ModelList>;
  onCancel?(): void;
  onRemove?(id: string): Promise<void>;
}

type Status = { tone: 'ok' | 'warn' | 'error'; text: string } | null;
const OTHER = '\u0000other';

export function ProviderForm({ existing, presets, onSave, onSaved, onTest, onListModels, onCancel, onRemove }: Props) {
  const id = useId();
  const initialPreset = presets.find((p) => p.id === (existing?.presetId ?? (existing ? CUSTOM : 'openai'))) ?? presets[0];
  const [presetId, setPresetId] = useState(initialPreset?.id ?? CUSTOM);
  const [kind, setKind] = useState<ProviderKind>(existing?.kind ?? initialPreset?.kind ?? 'openai');
  const [name, setName] = useState(existing?.name ?? '');
  const [baseURL, setBaseURL] = useState(existing?.baseURL ?? initialPreset?.defaultBaseURL ?? '');
  const [apiKey, setApiKey] = useState('');
  const [forgetKey, setForgetKey] = useState(false);
  const [headersText, setHeadersText] = useState('');
  const [readThinkTags, setReadThinkTags] = useState(existing?.readThinkTags ?? true);
  const [model, setModel] = useState(existing?.model ?? '');
  const [models, setModels] = useState<string[]>([]);
  // Once the provider's list is loaded the Model field is a choice among them, unless the user
  // asks to type an id nobody lists.
  const [typing, setTyping] = useState(false);
  const listed = models.length > 0 && !typing;
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState<'save' | 'test' | 'models' | null>(null);
  const preset = presets.find((p) => p.id === presetId);
  const showHeaders = preset?.extraHeaders || (existing?.headerNames?.length ?? 0) > 0;

  const choosePreset = (next: string) => {
    const chosen = presets.find((p) => p.id === next);
    setPresetId(next);
    if (!chosen) return;
    setKind(chosen.kind);
    // Custom has no address of its own: keep whatever the user typed.
    if (chosen.defaultBaseURL) setBaseURL(chosen.defaultBaseURL);
    const known = presets.some((p) => p.label === name);
    if (name === '' || known) setName(chosen.label);
    setModels([]);
    setStatus(null);
  };

  // Switching the wire protocol by hand means the chosen preset no longer describes this provider.
  const changeKind = (next: ProviderKind) => {
    setKind(next);
    if (!preset || preset.kind === next) return;
    const fallback = presets.find((p) => p.id === (next === 'anthropic' ? 'anthropic' : CUSTOM));
    if (!fallback) return;
    if (baseURL === preset.defaultBaseURL && fallback.defaultBaseURL) setBaseURL(fallback.defaultBaseURL);
    setPresetId(fallback.id);
  };

  /** What is on screen now, so Test and Load models check the edits before they are saved. */
  const probe = (): ProviderProbe => {
    const p: ProviderProbe = { kind, baseURL };
    if (existing) p.id = existing.id;
    if (apiKey.trim() !== '') p.apiKey = apiKey;
    const headers = parseHeaderLines(headersText);
    if (headers) p.headers = headers;
    return p;
  };

  const run = async (what: 'save' | 'test' | 'models', job: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    setStatus(null);
    try {
      await job();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const test = () =>
    run('test', async () => {
      const result = await onTest(probe());
      if (result.ok) {
        // Testing checks the typed id rather than replacing it.
        const list = showList(result.models, true);
        const count = result.modelCount === 1 ? '1 model' : `${result.modelCount} models`;
        const chosen = model.trim();
        if (chosen !== '' && list.length > 0 && !list.includes(chosen)) {
          setTyping(true);
          setStatus({ tone: 'warn', text: `Connected. ${count} available, but “${chosen}” is not one of them: pick a listed model or check the id.` });
        } else {
          setStatus({ tone: 'ok', text: `Connected. ${count} available.` });
        }
      } else {
        setStatus({ tone: 'error', text: result.error.message });
      }
    });

  const loadModels = () =>
    run('models', async () => {
      const list = showList((await onListModels({ ...probe(), refresh: true })).models, false);
      setTyping(false);
      setStatus({ tone: 'ok', text: list.length ? `Found ${list.length} models.` : 'The provider listed no models; type the id.' });
    });

  /** Shows a fetched list, sorted, and picks its first model when none is chosen (or, unless
   *  keepTyped, when the chosen one is not listed). */
  const showList = (fetched: string[], keepTyped: boolean) => {
    const list = [...fetched].sort((a, b) => a.localeCompare(b));
    setModels(list);
    setModel((current) => (list.length && (current.trim() === '' || (!keepTyped && !list.includes(current))) ? (list[0] as string) : current));
    return list;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('save', async () => {
      const input: ProviderInput = { name: name.trim() || preset?.label || 'Provider', kind, baseURL, model, presetId };
      if (existing) input.id = existing.id;
      if (forgetKey) input.apiKey = '';
      else if (apiKey !== '') input.apiKey = apiKey;
      const headers = parseHeaderLines(headersText);
      if (headers) input.headers = headers;
      if (kind === 'openai') input.readThinkTags = readThinkTags;
      const saved = await onSave(input);
      setApiKey('');
      onSaved(saved);
    });
  };

  const keyPlaceholder = existing?.keyUnreadable
    ? 'Saved key unreadable — enter it again'
    : existing?.keyHint
    ? `Saved: ${existing.keyHint} (leave empty to keep)`
    : preset?.needsKey
      ? 'Paste your API key'
      : 'Not needed for local servers';

  return (
    <form className="provider-form" onSubmit={submit} aria-label={existing ? `Edit ${existing.name}` : 'Add a provider'}>
      <h2>{existing ? `Edit ${existing.name}` : 'Add a provider'}</h2>
      <label htmlFor={`${id}-preset`}>Preset</label>
      <select id={`${id}-preset`} value={presetId} onChange={(e) => choosePreset(e.target.value)} aria-describedby={`${id}-hint`}>
        {presets.map((p) => (
          <option key={p.id} value={p.id}>{p.label}</option>
        ))}
      </select>
      {preset && (
        <p id={`${id}-hint`} className="field-hint" data-testid="preset-hint">
          {preset.needsKey ? 'Needs an API key.' : preset.local ? 'Runs on this computer: no key needed.' : 'A key is optional.'} {preset.hint}
        </p>
      )}
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => changeKind(e.target.value as ProviderKind)}>
        <option value="openai">OpenAI or OpenAI-compatible (Ollama, LM Studio, OpenRouter…)</option>
        <option value="anthropic">Anthropic</option>
      </select>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder={preset?.label ?? 'Provider'} />
      <label htmlFor={`${id}-url`}>Base URL</label>
      <input id={`${id}-url`} value={baseURL} onChange={(e) => setBaseURL(e.target.value)} spellCheck={false} placeholder="https://api.example.com/v1" />
      <label htmlFor={`${id}-key`}>API key</label>
      <input
        id={`${id}-key`}
        type="password"
        autoComplete="off"
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value)}
        placeholder={keyPlaceholder}
        disabled={forgetKey}
      />
      {(existing?.hasKey || existing?.keyUnreadable) && (
        <label className="checkbox">
          <input type="checkbox" checked={forgetKey} onChange={(e) => setForgetKey(e.target.checked)} /> Remove the saved key
        </label>
      )}
      {showHeaders && (
        <>
          <label htmlFor={`${id}-headers`}>Extra headers</label>
          <textarea
            id={`${id}-headers`}
            rows={3}
            value={headersText}
            onChange={(e) => setHeadersText(e.target.value)}
            spellCheck={false}
            placeholder={existing?.headerNames?.length ? `Saved: ${existing.headerNames.join(', ')} (leave empty to keep)` : 'X-Example: value (one per line)'}
          />
        </>
      )}
      {kind === 'openai' && <ThinkTagsChoice checked={readThinkTags} onChange={setReadThinkTags} />}
      <label htmlFor={`${id}-model`}>Model</label>
      <div className="model-row">
        {listed ? (
          <select id={`${id}-model`} value={models.includes(model) ? model : OTHER} onChange={(e) => (e.target.value === OTHER ? setTyping(true) : setModel(e.target.value))}>
            {models.map((m) => <option key={m} value={m}>{m}</option>)}
            <option value={OTHER}>Another id (type it)…</option>
          </select>
        ) : (
          <input
            id={`${id}-model`}
            value={model}
            onChange={(e) => setModel(e.target.value)}
            placeholder="e.g. gpt-4o-mini, claude-sonnet-4-5, llama3.2"
            spellCheck={false}
            autoFocus={typing}
          />
        )}
        <button type="button" onClick={() => void loadModels()} disabled={busy !== null}>{models.length ? 'Reload models' : 'Load models'}</button>
      </div>
      {status && (
        <p className={status.tone === 'ok' ? 'notice' : status.tone === 'warn' ? 'form-warning' : 'form-error'} role={status.tone === 'ok' ? 'status' : 'alert'} data-testid="connection-status">
          {status.text}
        </p>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy !== null}>Save provider</button>
        <button type="button" onClick={() => void test()} disabled={busy !== null}>{busy === 'test' ? 'Testing…' : 'Test connection'}</button>
        {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
        {existing && onRemove && (
          <button type="button" className="danger" onClick={() => void onRemove(existing.id)}>Remove</button>
        )}
      </div>
    </form>
  );
}
