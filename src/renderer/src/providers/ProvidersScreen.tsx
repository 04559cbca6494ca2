// Every configured provider: edit, remove (after asking), choose the default, add a new one from a preset.
import { useState } from 'react';
import type { ProviderPresetView, ProviderView, SavedProvider } from '../../../shared/contract';
import { ProviderForm } from './ProviderForm';
import { providerApi } from './provider-api';
import { RemoveProviderDialog } from './RemoveProviderDialog';

interface Props {
  providers: readonly ProviderView[];
  presets: readonly ProviderPresetView[];
  defaultId: string | null;
  /** Open straight on the form for this provider, or on a new one. */
  initialEditing?: string | 'new' | null;
  onSaved(saved: SavedProvider): void;
  onRemoved(id: string): void;
  onMakeDefault(id: string): void;
  onClose(): void;
  /** Titles of the conversations that use this provider. */
  usedBy(id: string): string[];
}

export function ProvidersScreen({ providers, presets, defaultId, initialEditing = null, onSaved, onRemoved, onMakeDefault, onClose, usedBy }: Props) {
  const [editing, setEditing] = useState<string | 'new' | null>(initialEditing);
  const [removing, setRemoving] = useState<ProviderView | null>(null);
  const current = providers.find((p) => p.id === editing);

  const confirmRemove = removing && (
    <RemoveProviderDialog
      name={removing.name}
      usedBy={usedBy(removing.id)}
      onAnswer={async (remove) => {
        setRemoving(null);
        if (!remove) return;
        await providerApi.remove(removing.id);
        setEditing(null);
        onRemoved(removing.id);
      }}
    />
  );

  if (editing !== null) {
    return (
      <>
      <ProviderForm
        key={editing}
        existing={current}
        presets={presets}
        onSave={providerApi.save}
        onSaved={(saved) => {
          setEditing(null);
          onSaved(saved);
        }}
        onTest={providerApi.test}
        onListModels={providerApi.models}
        onCancel={() => setEditing(null)}
        onRemove={async (id) => setRemoving(providers.find((p) => p.id === id) ?? null)}
      />
      {confirmRemove}
      </>
    );
  }

  return (
    <section className="settings-panel" aria-labelledby="providers-title">
      <header className="settings-header">
        <h2 id="providers-title">Providers</h2>
        <button type="button" onClick={onClose}>Back to chat</button>
      </header>
      <ul className="provider-list">
        {providers.map((p) => (
          <li key={p.id} className="provider-row">
            <div className="provider-summary">
              <strong>{p.name}</strong>
              {p.id === defaultId && <span className="badge">Default</span>}
              <span className="muted">{p.model} · {p.baseURL} · {p.keyUnreadable ? 'key unreadable — enter it again' : p.hasKey ? `key ${p.keyHint}` : 'no key'}</span>
            </div>
            <div className="row-actions">
              {p.id !== defaultId && (
                <button type="button" onClick={() => onMakeDefault(p.id)} aria-label={`Make ${p.name} the default`}>Make default</button>
              )}
              <button type="button" onClick={() => setEditing(p.id)} aria-label={`Edit ${p.name}`}>Edit</button>
              <button
                type="button"
                className="danger"
                aria-label={`Remove ${p.name}`}
                onClick={() => setRemoving(p)}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={() => setEditing('new')}>Add provider</button>
      {confirmRemove}
    </section>
  );
}
