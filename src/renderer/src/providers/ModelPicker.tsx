// The one model picker of the chat: a button naming the model and its provider opens a searchable
// list of every provider's models (cached in main), recent choices first; arrow keys and Enter
// choose, and an id nobody lists can still be typed. A choice applies to the next reply.
import { ChevronDown, RefreshCw } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProviderView } from '../../../shared/contract';
import { modelOptions, type ModelOption } from './model-options';
import { recentModels, rememberModel } from './recent-models';
import { IconButton } from '../shell/IconButton';
import { SearchList, type SearchListRow } from '../shell/SearchList';
import { providerApi } from './provider-api';

interface Props {
  providers: ProviderView[];
  selected: ProviderView;
  model: string;
  onChoose(providerId: string, model: string): void;
  /** Commands elsewhere (palette) open the picker through this. */
  openRef?: React.RefObject<(() => void) | null>;
  /** What the button's name starts with ("Model: gpt-4o from OpenAI"). */
  label?: string;
  /** Settings' default model: the list hangs from the field's left edge, and a choice is not a recent one. */
  inForm?: boolean;
}

export function ModelPicker({ providers, selected, model, onChoose, openRef, label = 'Model', inForm = false }: Props) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  if (openRef) openRef.current = () => setOpen(true);
  return (
    <div className={`model-picker${inForm ? ' in-form' : ''}`}>
      <button
        ref={trigger}
        type="button"
        className="model-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-tip="Choose the model"
        data-tip-align={inForm ? 'start' : 'end'}
        onClick={() => setOpen((was) => !was)}
      >
        {/* The name reads "Model: gpt-4o from OpenAI"; the eye sees "gpt-4o OpenAI". */}
        <span className="visually-hidden">{label}: </span>
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
          title={inForm ? `Choose the ${label.toLowerCase()}` : 'Choose a model'}
          onChoose={(providerId, next) => {
            if (!inForm) rememberModel({ providerId, model: next });
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

interface PopoverProps extends Omit<Props, 'openRef' | 'label' | 'inForm'> {
  title: string;
  onClose(): void;
  trigger: React.RefObject<HTMLButtonElement | null>;
}

function ModelPopover({ providers, selected, model, onChoose, onClose, trigger, title }: PopoverProps) {
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
  const current = options.findIndex((o) => o.providerId === selected.id && o.model === model && !o.manual);

  // Open on the current model, so arrows move from where the user is; once the user has moved or
  // typed, the lists arriving late do not pull the highlight back.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current && current >= 0) setHighlight(current);
  }, [loading]);

  const choose = (option: ModelOption | undefined) => {
    if (!option) return;
    onChoose(option.providerId, option.model);
    onClose();
  };

  const rows = options.map((option, index): SearchListRow => {
    const provider = providerName(providers, option.providerId);
    return {
      key: option.key,
      group: option.group !== options[index - 1]?.group ? option.group : undefined,
      label: option.manual ? `Use “${option.model}” with ${option.group.replace(/^Other id for /, '')}` : `${option.model}, ${provider}`,
      className: index === current ? 'current' : undefined,
      content: (
        <>
          <span className="model-name">{option.manual ? `Use “${option.model}”` : option.model}</span>
          {option.group === 'Recent' && <span className="model-provider">{provider}</span>}
        </>
      ),
    };
  });

  return (
    <div ref={box} className="model-popover" role="dialog" aria-label={title}>
      <SearchList
        rows={rows}
        query={query}
        onQuery={setQuery}
        highlight={highlight}
        onHighlight={(index) => {
          moved.current = true;
          setHighlight(index);
        }}
        onChoose={(index) => choose(options[index])}
        onEscape={onClose}
        inputLabel="Search models"
        listLabel="Models"
        placeholder="Search models or type an id"
        empty={loading ? undefined : 'No model matches.'}
        beside={<IconButton icon={RefreshCw} label="Refresh the model lists" tipAlign="end" disabled={loading} onClick={() => void load(true)} />}
      />
      {loading && <p className="model-status" aria-live="polite">Loading model lists…</p>}
      {problems.map((problem) => (
        <p key={problem} className="model-status form-error">{problem}</p>
      ))}
    </div>
  );
}

const providerName = (providers: readonly ProviderView[], id: string) => providers.find((p) => p.id === id)?.name ?? '';
