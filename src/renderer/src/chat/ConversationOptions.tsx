// Options for the open conversation's next replies: system prompt, temperature, output limit and
// reasoning controls. Empty fields mean "the provider's default" and are not sent at all.
import { useId, useState } from 'react';
import { isAnthropicEffort } from '../../../shared/anthropic-models';
import type { GenerationOptions } from '../../../shared/chat';
import type { ProviderKind } from '../../../shared/contract';
import { AnthropicThinkingControls } from './AnthropicThinkingControls';
import { useReturnFocus } from '../shell/use-return-focus';

interface Props {
  kind: ProviderKind;
  /** The chat's model, for options only some models take. */
  model?: string;
  system: string;
  options: GenerationOptions;
  onChange(system: string, options: GenerationOptions): void;
  onClose(): void;
}

export function ConversationOptions({ kind, model = '', system, options, onChange, onClose }: Props) {
  const id = useId();
  const [temperature, setTemperature] = useState(options.temperature?.toString() ?? '');
  const [maxTokens, setMaxTokens] = useState(options.maxOutputTokens?.toString() ?? '');
  const [budget, setBudget] = useState(options.thinkingBudget?.toString() ?? '');
  const [error, setError] = useState<string | null>(null);
  useReturnFocus();

  /** Applies every field at once, so one bad field leaves all the options as they were. */
  const apply = (next: { system?: string; temperature?: string; maxTokens?: string; budget?: string; effort?: string; adaptive?: boolean; claudeEffort?: string }) => {
    const t = next.temperature ?? temperature;
    const m = next.maxTokens ?? maxTokens;
    const b = next.budget ?? budget;
    const effort = next.effort ?? options.reasoningEffort ?? '';
    const out: GenerationOptions = {};
    const problems: string[] = [];
    if (t.trim() !== '') {
      const n = Number(t);
      if (Number.isFinite(n) && n >= 0 && n <= 2) out.temperature = n;
      else problems.push('Temperature goes from 0 to 2.');
    }
    if (m.trim() !== '') {
      const n = Number(m);
      if (Number.isSafeInteger(n) && n > 0) out.maxOutputTokens = n;
      else problems.push('Max output tokens must be a whole number above 0.');
    }
    if (b.trim() !== '') {
      const n = Number(b);
      if (Number.isSafeInteger(n) && n >= 1024) out.thinkingBudget = n;
      else problems.push('A thinking budget is a whole number of at least 1024 tokens.');
    }
    if (effort === 'low' || effort === 'medium' || effort === 'high') out.reasoningEffort = effort;
    if (next.adaptive ?? options.adaptiveThinking) out.adaptiveThinking = true;
    const claudeEffort = next.claudeEffort ?? options.effort;
    if (isAnthropicEffort(claudeEffort)) out.effort = claudeEffort;
    setError(problems.join(' ') || null);
    // Keep the previous options while a field is wrong, so nothing half-typed gets sent.
    onChange(next.system ?? system, problems.length ? options : out);
  };

  return (
    <section
      className="options-panel"
      aria-label="Options for this chat"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <header className="settings-header">
        <h2>Options for this chat</h2>
        <button type="button" onClick={onClose} aria-label="Close chat options">Close</button>
      </header>
      <label htmlFor={`${id}-system`}>System prompt</label>
      <textarea id={`${id}-system`} autoFocus rows={3} value={system} onChange={(e) => apply({ system: e.target.value })} placeholder="Instructions the model follows for this whole chat" />
      <div className="options-grid">
        <span>
          <label htmlFor={`${id}-temp`}>Temperature</label>
          <input id={`${id}-temp`} inputMode="decimal" value={temperature} placeholder="default" onChange={(e) => { setTemperature(e.target.value); apply({ temperature: e.target.value }); }} />
        </span>
        <span>
          <label htmlFor={`${id}-max`}>Max output tokens</label>
          <input id={`${id}-max`} inputMode="numeric" value={maxTokens} placeholder="default" onChange={(e) => { setMaxTokens(e.target.value); apply({ maxTokens: e.target.value }); }} />
        </span>
        {kind === 'openai' ? (
          <span>
            <label htmlFor={`${id}-effort`}>Reasoning effort</label>
            <select id={`${id}-effort`} value={options.reasoningEffort ?? ''} onChange={(e) => apply({ effort: e.target.value })}>
              <option value="">Model default</option>
              <option value="low">Low</option>
              <option value="medium">Medium</option>
              <option value="high">High</option>
            </select>
          </span>
        ) : (
          <span>
            <label htmlFor={`${id}-budget`}>Thinking budget (tokens)</label>
            <input id={`${id}-budget`} inputMode="numeric" value={budget} placeholder="off" disabled={options.adaptiveThinking === true} onChange={(e) => { setBudget(e.target.value); apply({ budget: e.target.value }); }} />
          </span>
        )}
        {kind === 'anthropic' && (
          <AnthropicThinkingControls model={model} options={options} onAdaptive={(adaptive) => apply({ adaptive })} onEffort={(claudeEffort) => apply({ claudeEffort })} />
        )}
      </div>
      <p className="field-hint">Applies to the next reply. Models that do not support an option answer with an error, shown under the reply.</p>
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
