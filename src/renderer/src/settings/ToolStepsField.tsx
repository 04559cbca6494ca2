// The cap on model steps in one reply, beside the MCP servers it is about. Saved on its own (main
// merges the one field into settings.json), so it needs nothing from the settings form above.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { TOOL_STEP_LIMITS, TOOL_STEPS_LABEL } from '../../../shared/settings';
import { bridge } from '../bridge';

export function ToolStepsField() {
  const id = useId();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    bridge.invoke('settings:get', undefined).then((s) => setText(String(s.maxToolSteps)), (e: Error) => setStatus({ error: true, text: e.message }));
  }, []);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const steps = text.trim() === '' ? Number.NaN : Number(text.trim());
    bridge.invoke('settings:save', { maxToolSteps: steps }).then(
      (s) => {
        setText(String(s.maxToolSteps));
        setStatus({ error: false, text: 'Saved.' });
      },
      (e: Error) => setStatus({ error: true, text: e.message }),
    );
  };

  return (
    <form className="tool-steps" onSubmit={save} noValidate>
      <label htmlFor={`${id}-steps`}>{TOOL_STEPS_LABEL}</label>
      <p className="field-hint" id={`${id}-hint`}>
        Each step is one answer from the model that may call tools. After this many, Plume stops asking the model and says so in the reply.
      </p>
      <div className="tool-steps-row">
        <input
          id={`${id}-steps`}
          type="number"
          min={TOOL_STEP_LIMITS.min}
          max={TOOL_STEP_LIMITS.max}
          aria-describedby={`${id}-hint`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setStatus(null);
          }}
        />
        <button type="submit">Save steps</button>
      </div>
      {status && (
        <p className={status.error ? 'form-error' : 'notice'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
