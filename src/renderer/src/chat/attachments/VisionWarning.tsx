// Said before sending: the chosen model probably cannot see images. Offers the provider's own
// vision models (from its cached model list) and a deliberate "Send anyway".
import { useEffect, useState } from 'react';
import { bridge } from '../../bridge';
import type { SendTarget } from './types';
import { seesImages } from './vision';

const MAX_SUGGESTIONS = 3;

interface Props {
  target: SendTarget;
  busy: boolean;
  /** Send was pressed anyway: the same warning, now announced, says what to do. */
  insisted?: boolean;
  onChooseModel?: ((model: string) => void) | undefined;
  onSendAnyway(): void;
}

export function VisionWarning({ target, busy, insisted = false, onChooseModel, onSendAnyway }: Props) {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const { providerId } = target;
  // The parent passes a new function on every render: the list is fetched per provider, not per render.
  const canSwitch = onChooseModel !== undefined;

  useEffect(() => {
    if (!canSwitch) return;
    let current = true;
    bridge
      .invoke('providers:models', { id: providerId })
      .then((list) => current && setSuggestions(list.models.filter(seesImages).slice(0, MAX_SUGGESTIONS)))
      // No list (offline, no key): the warning still stands with "Send anyway".
      .catch(() => current && setSuggestions([]));
    return () => {
      current = false;
    };
  }, [providerId, canSwitch]);

  return (
    <div className="composer-warning" role={insisted ? 'alert' : 'status'} data-testid="vision-warning">
      <span>
        “{target.model}” may not be able to see images.{insisted && ' Switch to a vision model, or choose Send anyway.'}
      </span>
      {onChooseModel &&
        suggestions.map((model) => (
          <button key={model} type="button" disabled={busy} onClick={() => onChooseModel(model)}>
            Switch to {model}
          </button>
        ))}
      <button type="button" disabled={busy} onClick={onSendAnyway}>
        Send anyway
      </button>
    </div>
  );
}
