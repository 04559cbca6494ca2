import type { ProviderView } from '../../../shared/contract';
import { ConversationMenu } from '../conversations/ConversationMenu';
import { ModelPicker } from '../settings/ModelPicker';

interface Props {
  providers: ProviderView[];
  defaultProviderId: string | null;
  selected: ProviderView | null;
  model: string | null;
  conversationId: string | null;
  optionsOpen: boolean;
  onChooseProvider(id: string): void;
  onChooseModel(model: string): void;
  onToggleOptions(): void;
  onOpen(screen: 'providers' | 'add-provider' | 'settings' | 'search'): void;
  onNotice(text: string): void;
  onImported(): void;
}

export function ChatToolbar(props: Props) {
  const { providers, selected, model } = props;
  return (
    <header className="toolbar">
      <label className="provider-picker">
        <span className="visually-hidden">Provider</span>
        <select aria-label="Provider" value={selected?.id ?? ''} onChange={(e) => props.onChooseProvider(e.target.value)}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>{p.name}{p.id === props.defaultProviderId ? ' (default)' : ''}</option>
          ))}
        </select>
      </label>
      {selected && model && <ModelPicker providerId={selected.id} model={model} onChange={props.onChooseModel} />}
      <button type="button" aria-expanded={props.optionsOpen} onClick={props.onToggleOptions}>Chat options</button>
      <button type="button" onClick={() => props.onOpen('providers')}>Providers</button>
      <button type="button" onClick={() => props.onOpen('add-provider')} aria-label="Add provider">Add</button>
      <button type="button" onClick={() => props.onOpen('settings')}>Settings</button>
      <button type="button" onClick={() => props.onOpen('search')} aria-label="Search conversations" title="Search (Ctrl+K)">Search</button>
      <ConversationMenu conversationId={props.conversationId} onNotice={props.onNotice} onImported={props.onImported} />
    </header>
  );
}
