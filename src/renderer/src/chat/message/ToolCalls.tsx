// A reply's tool calls: each appears the moment its name arrives, its arguments filling in as a
// key/value view while the model writes them, with the raw JSON one click away. Everything the
// model wrote is shown as text, never as markup.
import { memo, useState } from 'react';
import type { ToolDecision } from '../../../../shared/tool-calls';
import type { ToolCallState, ToolCallView } from '../store/tool-calls';
import { JsonValueView } from './JsonValueView';
import { ToolRunView } from './ToolRunView';
import './tool-calls.css';

const STATE_TEXT: Record<ToolCallState, string> = {
  writing: 'writing arguments…',
  written: 'arguments complete',
  cut: 'cut off: the reply stopped inside the arguments; it will not run',
  invalid: 'the arguments are not valid JSON; it will not run',
};


interface ToolCallsProps {
  /** Calls that appeared at one point of the reply (one step's calls). */
  calls: readonly ToolCallView[];
  /** Present while the reply streams: approvals and Stop reach main only then. */
  onDecide?: ((callId: string, decision: ToolDecision) => void) | undefined;
  onStop?: (() => void) | undefined;
}

export function ToolCalls({ calls, onDecide, onStop }: ToolCallsProps) {
  if (calls.length === 0) return null;
  const asking = calls.filter((call) => call.run?.phase === 'asking');
  return (
    <div className="tool-calls">
      {asking.length > 1 && onDecide && <DecideAll callIds={asking.map((call) => call.callId)} onDecide={onDecide} />}
      {calls.map((call) => (
        <ToolCall key={call.callId} call={call} onDecide={onDecide} onStop={onStop} />
      ))}
    </div>
  );
}

/** Several calls of one step waiting at once: one answer for all of them, beside the per-call ones. */
function DecideAll({ callIds, onDecide }: { callIds: string[]; onDecide: (callId: string, decision: ToolDecision) => void }) {
  const all = (decision: ToolDecision) => callIds.forEach((callId) => onDecide(callId, decision));
  return (
    <div className="tool-decide-all" role="group" aria-label={`Decide all ${callIds.length} waiting calls`}>
      <span>{callIds.length} calls wait for you.</span>
      <button type="button" className="primary" onClick={() => all({ kind: 'once' })}>Allow all ({callIds.length})</button>
      <button type="button" onClick={() => all({ kind: 'deny' })}>Deny all</button>
    </div>
  );
}

/** Things about the reply as a whole (the step cap was reached), after everything else. */
export function ToolNotices({ notices }: { notices: readonly string[] | undefined }) {
  if (!notices?.length) return null;
  return (
    <div className="tool-calls">
      {notices.map((notice, i) => (
        <p key={i} className="tool-notice" role="note">{notice}</p>
      ))}
    </div>
  );
}

const ToolCall = memo(function ToolCall({ call, onDecide, onStop }: { call: ToolCallView } & Pick<ToolCallsProps, 'onDecide' | 'onStop'>) {
  const [raw, setRaw] = useState(false);
  const label = `Tool call ${call.name || '(unnamed)'}`;
  return (
    <section className="tool-call" aria-label={label} data-state={call.state} data-testid="tool-call">
      <header className="tool-call-head">
        <span className="tool-icon" aria-hidden="true">⚙</span>
        <span className="tool-name">{call.name || '(unnamed)'}</span>
        {call.providerRun && <span className="badge">run by the provider</span>}
        <span className="tool-status" role="status">
          {call.state === 'writing' && <span className="spinner" aria-hidden="true" />}
          {STATE_TEXT[call.state]}
        </span>
        <button type="button" className="link-button" aria-pressed={raw} onClick={() => setRaw(!raw)}>
          {raw ? 'Fields' : 'Raw JSON'}
        </button>
      </header>
      {raw ? (
        <pre className="tool-raw" aria-label="Raw arguments">{call.argsText}</pre>
      ) : (
        <div className="tool-args" aria-label="Arguments">
          {call.args === undefined ? <span className="muted">{call.state === 'writing' ? '…' : 'no arguments'}</span> : <JsonValueView value={call.args} />}
        </div>
      )}
      {call.parseError && <p className="tool-error">{call.parseError}</p>}
      {call.run && <ToolRunView callId={call.callId} run={call.run} onDecide={onDecide} onStop={onStop} />}
    </section>
  );
});

