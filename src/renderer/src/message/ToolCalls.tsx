// A reply's tool calls: each appears the moment its name arrives, its arguments filling in as a
// key/value view while the model writes them, with the raw JSON one click away. Everything the
// model wrote is shown as text, never as markup.
import { memo, useState } from 'react';
import type { JsonValue } from '../../../shared/partial-json';
import type { ToolCallState, ToolCallView } from '../store/tool-calls';
import './tool-calls.css';

const STATE_TEXT: Record<ToolCallState, string> = {
  writing: 'writing arguments…',
  written: 'arguments complete',
  cut: 'cut off: the reply stopped inside the arguments; it will not run',
  invalid: 'the arguments are not valid JSON; it will not run',
};

/** Long strings are cut in the fields view so a 1 MB argument does not cost every frame. */
const SHOWN_CHARS = 2_000;
/** Deeper than this, a value is shown as compact JSON. */
const SHOWN_DEPTH = 4;

export function ToolCalls({ calls }: { calls: readonly ToolCallView[] | undefined }) {
  if (!calls?.length) return null;
  return (
    <div className="tool-calls">
      {calls.map((call) => (
        <ToolCall key={call.callId} call={call} />
      ))}
    </div>
  );
}

const ToolCall = memo(function ToolCall({ call }: { call: ToolCallView }) {
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
          {call.args === undefined ? <span className="muted">{call.state === 'writing' ? '…' : 'no arguments'}</span> : <Value value={call.args} depth={0} />}
        </div>
      )}
      {call.parseError && <p className="tool-error">{call.parseError}</p>}
    </section>
  );
});

function Value({ value, depth }: { value: JsonValue; depth: number }) {
  if (typeof value === 'string') return <StringValue text={value} />;
  if (value === null || typeof value !== 'object') return <span className="json-scalar">{String(value)}</span>;
  if (depth >= SHOWN_DEPTH) return <StringValue text={JSON.stringify(value)} />;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="json-scalar">[]</span>;
    return (
      <ol className="json-list" start={0}>
        {value.map((item, i) => (
          <li key={i}>
            <Value value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return <span className="json-scalar">{'{}'}</span>;
  return (
    <dl className="json-fields">
      {keys.map((key) => (
        <div key={key} className="json-field">
          <dt>{key}</dt>
          <dd>
            <Value value={value[key] as JsonValue} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function StringValue({ text }: { text: string }) {
  if (text.length <= SHOWN_CHARS) return <span className="json-string">{text}</span>;
  return (
    <span className="json-string">
      {text.slice(0, SHOWN_CHARS)}
      <span className="muted"> … {(text.length - SHOWN_CHARS).toLocaleString('en')} more characters (see Raw JSON)</span>
    </span>
  );
}
