// Claude's newer options in Chat options, offered only for models that take them: adaptive
// thinking (Claude decides how much to think) and effort (`output_config.effort`).
import { useId } from 'react';
import { ANTHROPIC_EFFORTS, anthropicCapabilities } from '../../../shared/anthropic-models';
import type { GenerationOptions } from '../../../shared/chat';

interface Props {
  model: string;
  options: GenerationOptions;
  onAdaptive(on: boolean): void;
  onEffort(effort: string): void;
}

export function AnthropicThinkingControls({ model, options, onAdaptive, onEffort }: Props) {
  const id = useId();
  const can = anthropicCapabilities(model);
  return (
    <>
      {can.adaptiveThinking && (
        <span>
          <label className="checkbox">
            <input type="checkbox" checked={options.adaptiveThinking === true} onChange={(e) => onAdaptive(e.target.checked)} /> Adaptive
            thinking
          </label>
        </span>
      )}
      {can.effort && (
        <span>
          <label htmlFor={`${id}-effort`}>Effort</label>
          <select id={`${id}-effort`} value={options.effort ?? ''} onChange={(e) => onEffort(e.target.value)}>
            <option value="">Model default</option>
            {ANTHROPIC_EFFORTS.map((effort) => (
              <option key={effort} value={effort}>{effort === 'xhigh' ? 'Extra high' : effort[0]!.toUpperCase() + effort.slice(1)}</option>
            ))}
          </select>
        </span>
      )}
    </>
  );
}
