// The one model picker of the chat: a button naming the model and its provider opens a searchable
// list of every provider's models (cached in main), recent choices first; arrow keys and Enter
// choose, and an id nobody lists can still be typed. A choice applies to the next reply.
import { ChevronDown, RefreshCw } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ProviderView } from '../../../shared/contract';
import { modelOptions, type ModelOption } from './model-options';
import { recentModels, rememberModel } from './recent-models';
import { IconButton } from '../shell/IconButton';
import { comboboxProps } from '../shell/combobox';
import { providerApi } from './provider-api';

interface Props {
  providers: ProviderView[];
  selected: ProviderView;
  model: string;
  onChoose(providerId: string, model: string): void;
  /** Commands elsewhere (palette) open the picker through this. */
  openRef?: React.RefObject<(() => void) | null>;
}

export function ModelPicker({ providers, selected, model, onChoose, openRef }: Props) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  if (openRef) openRef.current = () => setOpen(true);
  return (
    <div className="model-picker">
      <button
        ref={trigger}
        type="button"
        className="model-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-tip="Choose the model"
        data-tip-align="end"
        onClick={() => setOpen((was) => !was)}
      >
        {/* The name reads "Model: gpt-4o from OpenAI"; the eye sees "gpt-4o OpenAI". */}
        <span className="visually-hidden">Model: </span>
        <span className="model-name">{model}</span>
        <span className="visually-hidden"> from </span>
        <span className="model-provider">{selected.name}</span>
        <ChevronDown aria-hidden="true" focusable="false" />
      </button>
      {open && (
        <ModelPopover
          providers={providers}
          selected={selected}
          model={model}
          onChoose={(providerId, next) => {
            rememberModel({ providerId, model: next });
            onChoose(providerId, next);
          }}
          onClose={() => {
            setOpen(false);
            trigger.current?.focus();
          }}
          trigger={trigger}
        />
      )}
    </div>
  );
}

interface PopoverProps extends Omit<Props, 'openRef'> {
  onClose(): void;
  trigger: React.RefObject<HTMLButtonElement | null>;
}

function ModelPopover({ providers, selected, model, onChoose, onClose, trigger }: PopoverProps) {
  const listId = `${useId()}-list`;
  const box = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [lists, setLists] = useState<Map<string, string[]>>(new Map());
  const [problems, setProblems] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [highlight, setHighlight] = useState(0);
  const recent = useMemo(recentModels, []);

  const load = async (refresh: boolean) => {
    setLoading(true);
    const results = await Promise.allSettled(providers.map((p) => providerApi.models({ id: p.id, refresh })));
    const next = new Map<string, string[]>();
    const failed: string[] = [];
    results.forEach((result, i) => {
      const p = providers[i] as ProviderView;
      if (result.status === 'fulfilled') next.set(p.id, result.value.models);
      else failed.push(`${p.name}: ${(result.reason as Error).message}`);
    });
    setLists(next);
    setProblems(failed);
    setLoading(false);
  };

  useEffect(() => void load(false), []);

  // A click outside closes the list, as Esc does.
  useEffect(() => {
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!box.current?.contains(target) && !trigger.current?.contains(target)) onClose();
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose, trigger]);

  const options = modelOptions(query, providers, lists, recent, selected);
  const active = Math.min(highlight, options.length - 1);
  const current = options.findIndex((o) => o.providerId === selected.id && o.model === model && !o.manual);

  // Open on the current model, so arrows move from where the user is.
  useEffect(() => {
    if (query === '' && current >= 0) setHighlight(current);
  }, [loading]);

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const choose = (option: ModelOption | undefined) => {
    if (!option) return;
    onChoose(option.providerId, option.model);
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1;
    if (event.key === 'ArrowDown') setHighlight(active >= last ? 0 : active + 1);
    else if (event.key === 'ArrowUp') setHighlight(active <= 0 ? last : active - 1);
    else if (event.key === 'Home' && event.ctrlKey) setHighlight(0);
    else if (event.key === 'End' && event.ctrlKey) setHighlight(last);
    else if (event.key === 'Enter') choose(options[active]);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  let group = '';
  return (
    <div ref={box} className="model-popover" role="dialog" aria-label="Choose a model">
      <div className="model-search">
        <input
          type="text"
          aria-label="Search models"
          {...comboboxProps(listId, active)}
          placeholder="Search models or type an id"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setHighlight(0);
          }}
          onKeyDown={onKeyDown}
        />
        <IconButton icon={RefreshCw} label="Refresh the model lists" tipAlign="end" disabled={loading} onClick={() => void load(true)} />
      </div>
      <ul id={listId} role="listbox" aria-label="Models" className="model-list">
        {options.map((option, index) => {
          const heading = option.group !== group ? (group = option.group) : null;
          const isCurrent = option.providerId === selected.id && option.model === model && !option.manual;
          return (
            <li key={option.key} role="presentation">
              {heading && <div className="model-group" aria-hidden="true">{heading}</div>}
              <div
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                aria-label={option.manual ? `Use “${option.model}” with ${option.group.replace(/^Other id for /, '')}` : `${option.model}, ${providerName(providers, option.providerId)}`}
                className={`model-option${index === active ? ' active' : ''}${isCurrent ? ' current' : ''}`}
                onMouseMove={() => setHighlight(index)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
              >
                <span className="model-name">{option.manual ? `Use “${option.model}”` : option.model}</span>
                {option.group === 'Recent' && <span className="model-provider">{providerName(providers, option.providerId)}</span>}
              </div>
            </li>
          );
        })}
      </ul>
      {loading && <p className="model-status" aria-live="polite">Loading model lists…</p>}
      {!loading && options.length === 0 && <p className="model-status">No model matches.</p>}
      {problems.map((problem) => (
        <p key={problem} className="model-status form-error">{problem}</p>
      ))}
    </div>
  );
}

const providerName = (providers: readonly ProviderView[], id: string) => providers.find((p) => p.id === id)?.name ?? '';
