// "Tools: 2 servers" under the message box: which MCP servers' tools this conversation offers the
// model, as a checklist. Hidden when no server is enabled, since then there is nothing to offer.
import { Wrench } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { McpServerView } from '../../../../shared/mcp';
import { useToolServers } from './use-tool-servers';
import './tool-servers.css';

export function ToolServersControl({ conversationId }: { conversationId: string | null }) {
  const { servers, off, refresh, toggle, error } = useToolServers(conversationId);
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  if (servers.length === 0) return null;
  const offered = servers.filter((s) => !off.includes(s.id)).length;
  const summary = offered === 0 ? 'Tools: off' : `Tools: ${offered} ${offered === 1 ? 'server' : 'servers'}`;
  return (
    <div
      className="tool-servers"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          trigger.current?.focus();
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="tool-servers-trigger"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => {
          if (!open) refresh();
          setOpen(!open);
        }}
      >
        <Wrench size={14} aria-hidden="true" />
        {summary}
      </button>
      {open && (
        <fieldset id={`${id}-list`} className="tool-servers-list">
          <legend>Tools offered in this chat</legend>
          {servers.map((server) => (
            <label key={server.id} className="tool-server">
              <input type="checkbox" checked={!off.includes(server.id)} onChange={(e) => toggle(server.id, e.target.checked)} />
              <span className="tool-server-name">{server.name}</span>
              <span className="tool-server-state">{stateText(server)}</span>
            </label>
          ))}
          {error && <p className="form-error" role="alert">{error}</p>}
        </fieldset>
      )}
    </div>
  );
}

/** Why a checked server might still offer nothing: it has not been allowed or failed to start. */
function stateText(server: McpServerView): string {
  switch (server.status.state) {
    case 'needs-consent':
      return 'allow it in Settings first';
    case 'ready':
      return `${server.status.toolCount} ${server.status.toolCount === 1 ? 'tool' : 'tools'}`;
    case 'failed':
      return 'failed to start';
    case 'connecting':
      return 'starting…';
    case 'stopped':
      return 'starts when used';
  }
}
