// The composer's view of MCP servers for one conversation: the enabled servers (looked up again
// whenever the checklist opens, since Settings may have changed them) and which of them this
// conversation offers. A change is stored in main at once for a conversation that has an id; a
// new chat's choice travels with its first message.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { McpServerView } from '../../../../shared/mcp';
import { bridge } from '../../bridge';
import { offFor, setOff, subscribeChoices } from './tool-server-choice';

export interface ToolServers {
  /** Enabled servers, in Settings order. */
  servers: McpServerView[];
  off: readonly string[];
  refresh(): void;
  toggle(serverId: string, offered: boolean): void;
  error: string | null;
}

export function useToolServers(conversationId: string | null): ToolServers {
  const [servers, setServers] = useState<McpServerView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const off = useSyncExternalStore(subscribeChoices, () => offFor(conversationId));

  const refresh = useCallback(() => {
    bridge.invoke('mcp:list', undefined).then((all) => setServers(all.filter((s) => s.enabled)), (e: Error) => setError(e.message));
  }, []);
  useEffect(refresh, [refresh]);

  useEffect(() => {
    if (conversationId === null || offFor(conversationId) !== undefined) return;
    bridge.invoke('mcp:conversationServers', { conversationId }).then(
      (stored) => {
        if (offFor(conversationId) === undefined) setOff(conversationId, stored.off);
      },
      (e: Error) => setError(e.message),
    );
  }, [conversationId]);

  const toggle = (serverId: string, offered: boolean) => {
    const current = offFor(conversationId) ?? [];
    const next = offered ? current.filter((id) => id !== serverId) : [...current.filter((id) => id !== serverId), serverId];
    setOff(conversationId, next);
    setError(null);
    if (conversationId !== null) {
      bridge.invoke('mcp:setConversationServers', { conversationId, off: next }).catch((e: Error) => setError(`Not saved: ${e.message}`));
    }
  };

  return { servers, off: off ?? [], refresh, toggle, error };
}
