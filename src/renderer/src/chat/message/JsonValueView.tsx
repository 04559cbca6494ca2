// JSON shown as data: objects as key/value fields, arrays as numbered lists, strings as text
// (long ones cut, with the raw text a click away where this is used). Never markup.
import type { JsonValue } from '../../../../shared/partial-json';

/** Long strings are cut so a 1 MB argument does not cost every frame. */
const SHOWN_CHARS = 2_000;
/** Deeper than this, a value is shown as compact JSON. */
const SHOWN_DEPTH = 4;

export function JsonValueView({ value }: { value: JsonValue }) {
  return <Value value={value} depth={0} />;
}

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
      <span className="muted"> … {(text.length - SHOWN_CHARS).toLocaleString('en')} more characters</span>
    </span>
  );
}
