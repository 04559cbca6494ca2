// The Settings page's form: appearance and typing, the defaults for new chats (provider, model,
// system prompt), the stalled-reply timeout, the reply size cap and the price table. Everything
// here is saved together with Save (nothing applies before), and leaving with unsaved changes
// asks first. Main checks every value again and refuses the whole save if one is wrong.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ProviderView } from '../../../shared/contract';
import type { AppSettings, PriceRow } from '../../../shared/settings';
import { IDLE_TIMEOUT_LIMITS, MAX_REPLY_LIMITS } from '../../../shared/settings';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ModelPicker } from '../providers/ModelPicker';
import { type Appearance, AppearanceFields, applyAppearance, currentAppearance } from './Preferences';

/** Asks before leaving when there are unsaved changes; calls `leave` once it may go. */
export type LeaveGuard = (leave: () => void) => void;

interface Props {
  settings: AppSettings;
  providers: ProviderView[];
  onSave(change: Partial<AppSettings>): Promise<AppSettings>;
  onClose(): void;
  /** Set while the form has unsaved changes, so every way out of the page can ask first. */
  guardRef: React.RefObject<LeaveGuard | null>;
}

/** Form rows keep the typed text, so a half-typed "0." is not reformatted under the cursor. */
interface RowText {
  key: number;
  model: string;
  input: string;
  output: string;
  cacheRead: string;
  cacheWrite: string;
}

let nextKey = 0;
const toText = (row: PriceRow): RowText => ({
  key: nextKey++,
  model: row.model,
  input: String(row.inputPerMTok),
  output: String(row.outputPerMTok),
  cacheRead: row.cacheReadPerMTok === undefined ? '' : String(row.cacheReadPerMTok),
  cacheWrite: row.cacheWritePerMTok === undefined ? '' : String(row.cacheWritePerMTok),
});

/** A row as main takes it: a blank cache price means "the input price". */
function toRow(row: RowText): PriceRow {
  const out: PriceRow = { model: row.model, inputPerMTok: numberOf(row.input), outputPerMTok: numberOf(row.output) };
  if (row.cacheRead.trim() !== '') out.cacheReadPerMTok = numberOf(row.cacheRead);
  if (row.cacheWrite.trim() !== '') out.cacheWritePerMTok = numberOf(row.cacheWrite);
  return out;
}

export function SettingsScreen({ settings, providers, onSave, onClose, guardRef }: Props) {
  const id = useId();
  const [appearance, setAppearance] = useState<Appearance>(currentAppearance);
  const [defaultProvider, setDefaultProvider] = useState(settings.defaultProviderId ?? providers[0]?.id ?? '');
  const [defaultModel, setDefaultModel] = useState(settings.defaultModel ?? '');
  const [defaultSystem, setDefaultSystem] = useState(settings.defaultSystemPrompt);
  const [idle, setIdle] = useState(String(settings.idleTimeoutSec));
  const [maxReply, setMaxReply] = useState(String(settings.maxReplyMB));
  const [rows, setRows] = useState<RowText[]>(() => settings.prices.map(toText));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);

  // Unsaved = the form differs from what was last loaded or saved.
  const snapshot = JSON.stringify([appearance, defaultProvider, defaultModel.trim(), defaultSystem, idle, maxReply, rows.map(({ key: _, ...row }) => row)]);
  const savedSnapshot = useRef(snapshot);
  const dirty = snapshot !== savedSnapshot.current;
  guardRef.current = dirty ? (leave) => setLeaving(() => leave) : null;
  useEffect(() => () => void (guardRef.current = null), [guardRef]);

  const edited = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setSaved(false);
  };
  const update = (key: number, change: Partial<RowText>) => {
    setSaved(false);
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));
  };

  /** True when everything was saved. */
  const save = async (): Promise<boolean> => {
    setError(null);
    setSaved(false);
    try {
      // Empty cells become NaN, which main refuses with a sentence naming the row.
      const prices = rows.map(toRow);
      await onSave({
        idleTimeoutSec: numberOf(idle),
        maxReplyMB: numberOf(maxReply),
        prices,
        ...(defaultProvider ? { defaultProviderId: defaultProvider } : {}),
        defaultModel: defaultModel.trim() || null,
        defaultSystemPrompt: defaultSystem,
      });
      applyAppearance(appearance);
      savedSnapshot.current = snapshot;
      setSaved(true);
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const defaultTarget = providers.find((p) => p.id === defaultProvider) ?? providers[0];

  return (
    <form className="settings-panel settings-page" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <header className="settings-header">
        <h2 id={`${id}-title`}>Settings</h2>
        <button type="button" onClick={onClose}>Back to chat</button>
      </header>

      <h3>Appearance and typing</h3>
      <AppearanceFields id={id} value={appearance} onChange={edited(setAppearance)} />

      <h3>New chats</h3>
      <span className="field-label" aria-hidden="true">Default model</span>
      {defaultTarget ? (
        <ModelPicker
          providers={providers}
          selected={defaultTarget}
          model={defaultModel.trim() || defaultTarget.model}
          label="Default model"
          inForm
          onChoose={(providerId, model) => {
            setSaved(false);
            setDefaultProvider(providerId);
            // The provider's own model is kept as "whatever that provider uses", so editing the provider later carries over.
            setDefaultModel(model === providers.find((p) => p.id === providerId)?.model ? '' : model);
          }}
        />
      ) : (
        <p className="field-hint">Add a provider first.</p>
      )}
      <p className="field-hint">Any listed model of any provider, or type an id the provider does not list.</p>
      <label htmlFor={`${id}-system`}>Default system prompt</label>
      <textarea id={`${id}-system`} rows={4} value={defaultSystem} aria-describedby={`${id}-system-hint`} onChange={(e) => edited(setDefaultSystem)(e.target.value)} />
      <p className="field-hint" id={`${id}-system-hint`}>Used by every new chat; a chat's own options can change it.</p>

      <h3>Replies</h3>
      <NumberField
        id={`${id}-idle`}
        label="Stop a reply after this many seconds without data"
        min={IDLE_TIMEOUT_LIMITS.minSec}
        max={IDLE_TIMEOUT_LIMITS.maxSec}
        value={idle}
        onChange={edited(setIdle)}
      />
      <NumberField
        id={`${id}-max-reply`}
        label="Stop a reply longer than this many MB of text"
        min={MAX_REPLY_LIMITS.minMB}
        max={MAX_REPLY_LIMITS.maxMB}
        value={maxReply}
        onChange={edited(setMaxReply)}
      />
      <h3>Prices (USD per 1M tokens)</h3>
      <p className="field-hint">
        Used for the cost estimate under each reply. The rows given are estimates from published list prices and may be out of date:
        check your provider's pricing and edit them. A model id also covers its dated versions (gpt-4o covers gpt-4o-2024-08-06).
        Reasoning tokens are priced as output; a blank cache price means the input price.
      </p>
      <table className="price-table">
        <thead>
          <tr>
            <th scope="col">Model id</th>
            <th scope="col">Input</th>
            <th scope="col">Output</th>
            <th scope="col">Cache read</th>
            <th scope="col">Cache write</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td><input aria-label={`Model id, row ${index + 1}`} value={row.model} onChange={(e) => update(row.key, { model: e.target.value })} spellCheck={false} /></td>
              <td><input aria-label={`Input price for ${row.model || `row ${index + 1}`}`} inputMode="decimal" value={row.input} onChange={(e) => update(row.key, { input: e.target.value })} /></td>
              <td><input aria-label={`Output price for ${row.model || `row ${index + 1}`}`} inputMode="decimal" value={row.output} onChange={(e) => update(row.key, { output: e.target.value })} /></td>
              <td><input aria-label={`Cache read price for ${row.model || `row ${index + 1}`}`} inputMode="decimal" value={row.cacheRead} onChange={(e) => update(row.key, { cacheRead: e.target.value })} /></td>
              <td><input aria-label={`Cache write price for ${row.model || `row ${index + 1}`}`} inputMode="decimal" value={row.cacheWrite} onChange={(e) => update(row.key, { cacheWrite: e.target.value })} /></td>
              <td>
                <button type="button" className="icon-button" aria-label={`Remove price row ${row.model || index + 1}`} onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setRows((all) => [...all, toText({ model: '', inputPerMTok: 0, outputPerMTok: 0 })])}>Add price row</button>
      <div className="settings-footer">
        <button type="submit" className="primary">Save settings</button>
        {error && <p className="form-error" role="alert">{error}</p>}
        {saved && <p className="notice" role="status">Settings saved.</p>}
        {dirty && !error && <p className="field-hint">Unsaved changes</p>}
      </div>
      {leaving && (
        <ConfirmDialog
          title="Save your changes?"
          choices={[
            { value: 'save', label: 'Save', tone: 'primary' },
            { value: 'discard', label: 'Discard', tone: 'danger' },
          ]}
          onAnswer={async (answer) => {
            setLeaving(null);
            if (answer === 'cancel') return;
            if (answer === 'save' && !(await save())) return;
            leaving();
          }}
        >
          <p>Settings has changes you have not saved.</p>
        </ConfirmDialog>
      )}
    </form>
  );
}

/** A labelled number box that keeps the typed text; main checks the range. */
function NumberField(props: { id: string; label: string; min: number; max: number; value: string; onChange(text: string): void }) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} type="number" min={props.min} max={props.max} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </>
  );
}

function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}
