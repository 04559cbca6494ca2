// The model of the open chat: any id can be typed, and the provider's listed models (cached in
// main) are offered. A change applies to the next reply.
import { useEffect, useId, useState } from 'react';
import { providerApi } from './provider-api';

interface Props {
  providerId: string;
  model: string;
  onChange(model: string): void;
}

export function ModelPicker({ providerId, model, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState(model);
  const [models, setModels] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => setText(model), [model]);

  const load = async (refresh: boolean) => {
    try {
      setModels((await providerApi.models({ id: providerId, refresh })).models);
      setProblem(null);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  useEffect(() => {
    setModels([]);
    void load(false);
  }, [providerId]);

  const commit = (value: string) => {
    const trimmed = value.trim();
    if (trimmed === '') return setText(model); // an empty id is never a choice: put the old one back
    if (trimmed !== model) onChange(trimmed);
  };

  return (
    <span className="model-picker">
      <input
        aria-label="Model for this chat"
        list={`${id}-list`}
        value={text}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          // Picking from the list is a complete choice; typing waits for Enter or leaving the field.
          if (models.includes(e.target.value)) commit(e.target.value);
        }}
        onBlur={() => commit(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(text);
          }
        }}
        title={problem ?? undefined}
      />
      <datalist id={`${id}-list`}>
        {models.map((m) => <option key={m} value={m} />)}
      </datalist>
      <button type="button" className="icon-button" aria-label="Refresh the model list" title={problem ?? 'Refresh the model list'} onClick={() => void load(true)}>
        ↻
      </button>
    </span>
  );
}
