// Adding or editing an MCP server: a local command or a remote URL. Secret boxes (environment,
// headers, token) are empty when editing: leaving them empty keeps what is stored.
import { useId, useState, type FormEvent } from 'react';
import type { McpServerView } from '../../../shared/mcp';
import { EMPTY_MCP_FORM, formFromView, inputFromForm, type McpFormText } from './mcp-form-text';
import { bridge } from '../bridge';

interface Props {
  editing?: McpServerView;
  onSaved(view: McpServerView): void;
  onCancel(): void;
}

export function McpServerForm({ editing, onSaved, onCancel }: Props) {
  const id = useId();
  const [form, setForm] = useState<McpFormText>(() => (editing ? formFromView(editing) : EMPTY_MCP_FORM));
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<McpFormText>) => setForm((f) => ({ ...f, ...change }));
  const field = (key: 'name' | 'command' | 'cwd' | 'url' | 'bearerToken', label: string, extra: { type?: string; hint?: string } = {}) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type={extra.type ?? 'text'} value={form[key]} onChange={(e) => set({ [key]: e.target.value })} spellCheck={false} autoComplete="off" />
      {extra.hint && <p className="field-hint">{extra.hint}</p>}
    </>
  );
  const area = (key: 'args' | 'env' | 'headers', label: string, hint: string) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <textarea id={`${id}-${key}`} rows={3} value={form[key]} onChange={(e) => set({ [key]: e.target.value })} spellCheck={false} />
      <p className="field-hint">{hint}</p>
    </>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onSaved(await bridge.invoke('mcp:save', inputFromForm(form, editing?.id)));
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <form className="mcp-form" onSubmit={submit} aria-label={editing ? `Edit MCP server ${editing.name}` : 'Add an MCP server'} noValidate>
      {field('name', 'Server name')}
      <label htmlFor={`${id}-transport`}>Runs as</label>
      <select id={`${id}-transport`} value={form.transport} onChange={(e) => set({ transport: e.target.value as McpFormText['transport'] })}>
        <option value="stdio">A local command (stdio)</option>
        <option value="http">A remote server (Streamable HTTP URL)</option>
      </select>
      {form.transport === 'stdio' ? (
        <>
          {field('command', 'Command', { hint: 'The program, e.g. npx or /usr/local/bin/my-server. It runs without a shell.' })}
          {area('args', 'Arguments, one per line', 'Each line is passed as one argument, exactly as written.')}
          {field('cwd', 'Working directory (optional)')}
          {area('env', 'Environment, NAME=value per line', editing?.env.length ? `Stored: ${editing.env.map((e) => e.name).join(', ')}. Leave empty to keep them.` : 'Values are stored like API keys. The server also gets PATH, HOME, USER, LOGNAME, SHELL and TERM, nothing else.')}
        </>
      ) : (
        <>
          {field('url', 'Server URL')}
          {area('headers', 'Headers, Name: value per line', editing?.headerNames.length ? `Stored: ${editing.headerNames.join(', ')}. Leave empty to keep them.` : 'Values are stored like API keys.')}
          {field('bearerToken', 'Bearer token', { type: 'password', hint: editing?.hasBearerToken ? 'A token is stored. Leave empty to keep it.' : 'Sent as Authorization: Bearer …' })}
          <label className="checkbox">
            <input type="checkbox" checked={form.sseFallback} onChange={(e) => set({ sseFallback: e.target.checked })} /> Fall back to the older HTTP+SSE transport
          </label>
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Enabled
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary">Save MCP server</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
