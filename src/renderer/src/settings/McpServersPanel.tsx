// Settings → MCP servers: each server with its status, the consent a local one needs before it
// runs (its exact command line and environment, nothing cut), Start/Restart, and its tools with
// their descriptions, input schemas, an on/off switch and a policy (ask / allow / deny) each. Servers start lazily: when a chat
// first uses them, or here with Start.
import { useEffect, useId, useState } from 'react';
import type { McpServerView, McpStatus, McpToolPolicy } from '../../../shared/mcp';
import { bridge } from '../bridge';
import { McpServerForm } from './McpServerForm';
import { ToolStepsField } from './ToolStepsField';
import { dangerNote } from './mcp-form-text';
import './mcp.css';

export function McpServersPanel() {
  const id = useId();
  const [servers, setServers] = useState<McpServerView[]>([]);
  const [editing, setEditing] = useState<McpServerView | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    bridge.invoke('mcp:list', undefined).then(setServers, (e: Error) => setError(e.message));
  }, []);

  const replace = (view: McpServerView) => setServers((all) => (all.some((s) => s.id === view.id) ? all.map((s) => (s.id === view.id ? view : s)) : [...all, view]));
  const act = (call: Promise<McpServerView>) => {
    setError(null);
    call.then(replace, (e: Error) => setError(e.message));
  };

  return (
    <section className="settings-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>MCP servers</h2>
      <p className="field-hint">Tools from these servers can be offered to models. A local server runs on this computer with your permissions, so Plume shows its exact command and asks before it first starts.</p>
      <ul className="provider-list">
        {servers.map((server) =>
          editing !== 'new' && editing?.id === server.id ? (
            <li key={server.id}>
              <McpServerForm editing={server} onSaved={(view) => { replace(view); setEditing(null); }} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <ServerCard
              key={server.id}
              server={server}
              onEdit={() => setEditing(server)}
              onRemove={() => bridge.invoke('mcp:remove', { id: server.id }).then(() => setServers((all) => all.filter((s) => s.id !== server.id)), (e: Error) => setError(e.message))}
              onAct={act}
            />
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <McpServerForm onSaved={(view) => { replace(view); setEditing(null); }} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>Add MCP server</button>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <ToolStepsField />
    </section>
  );
}

function ServerCard({ server, onEdit, onRemove, onAct }: { server: McpServerView; onEdit(): void; onRemove(): void; onAct(call: Promise<McpServerView>): void }) {
  const [busy, setBusy] = useState(false);
  const run = (call: () => Promise<McpServerView>) => {
    setBusy(true);
    onAct(call().finally(() => setBusy(false)));
  };
  const danger = server.transport === 'stdio' ? dangerNote(server) : null;
  return (
    <li className="mcp-server" aria-label={`MCP server ${server.name}`}>
      <div className="provider-row">
        <div className="provider-summary">
          <strong>{server.name}</strong>
          <span className="muted">{server.transport === 'stdio' ? server.commandLine : server.url}</span>
          <span className="mcp-status" role="status" data-state={server.status.state}>{busy ? 'Connecting…' : statusText(server.status, server.enabled)}</span>
        </div>
        <div className="row-actions">
          {!server.consent.needed && server.enabled && (
            <button type="button" disabled={busy} onClick={() => run(() => bridge.invoke('mcp:restart', { id: server.id }))}>
              {server.status.state === 'ready' || server.status.state === 'failed' ? 'Restart' : 'Start'}
            </button>
          )}
          <button type="button" onClick={onEdit}>Edit</button>
          <button type="button" onClick={onRemove} aria-label={`Remove MCP server ${server.name}`}>Remove</button>
        </div>
      </div>
      {server.status.state === 'failed' && server.status.stderrTail && (
        <details className="mcp-stderr">
          <summary>What the server wrote to stderr</summary>
          <pre>{server.status.stderrTail}</pre>
        </details>
      )}
      {server.consent.needed && (
        <div className="mcp-consent" role="group" aria-label={`Allow ${server.name} to run`}>
          <p><strong>Plume will run this command on your computer, with your permissions:</strong></p>
          <pre className="mcp-command" aria-label="Exact command line">{server.commandLine}</pre>
          {server.cwd && <p>in the folder <code>{server.cwd}</code></p>}
          <p>
            Environment: PATH, HOME, USER, LOGNAME, SHELL and TERM from Plume
            {server.env.length > 0 && <>, plus {server.env.map((e) => <code key={e.name}>{`${e.name}=${e.hint}`} </code>)}</>}.
          </p>
          {danger && <p className="form-error">{danger}</p>}
          <button type="button" className="primary" disabled={busy} onClick={() => run(async () => {
            await bridge.invoke('mcp:consent', { id: server.id, fingerprint: server.consent.fingerprint });
            return bridge.invoke('mcp:restart', { id: server.id });
          })}>
            Allow and start
          </button>
        </div>
      )}
      {server.tools.length > 0 && (
        <ul className="mcp-tools" aria-label={`Tools of ${server.name}`}>
          {server.tools.map((tool) => (
            <li key={tool.name}>
              <label className="checkbox">
                <input type="checkbox" checked={tool.enabled} onChange={(e) => onAct(bridge.invoke('mcp:setTool', { id: server.id, tool: tool.name, enabled: e.target.checked }))} />
                <code>{tool.name}</code>
              </label>
              <label className="mcp-policy">
                Before each call{' '}
                <select aria-label={`Policy for ${tool.name}`} value={tool.policy} onChange={(e) => onAct(bridge.invoke('mcp:setTool', { id: server.id, tool: tool.name, policy: e.target.value as McpToolPolicy }))}>
                  <option value="ask">ask me</option>
                  <option value="allow">run without asking</option>
                  <option value="deny">never run</option>
                </select>
              </label>
              {tool.description && <p className="field-hint">{tool.description}</p>}
              <details>
                <summary>Input schema</summary>
                <pre>{JSON.stringify(tool.inputSchema, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function statusText(status: McpStatus, enabled: boolean): string {
  if (!enabled) return 'Switched off';
  switch (status.state) {
    case 'stopped':
      return 'Not running: starts when a chat uses it';
    case 'needs-consent':
      return 'Waiting for your permission to run';
    case 'connecting':
      return 'Connecting…';
    case 'ready':
      return `Ready with ${status.toolCount} tool${status.toolCount === 1 ? '' : 's'} (${status.transport})`;
    case 'failed':
      return `Failed: ${status.reason}`;
  }
}
