// Settings → MCP servers behind the contract.
import type { Channel } from '../../shared/contract';
import type { McpServers } from '../mcp/servers';
import type { Handlers } from './plume-service';

type McpChannel = Extract<Channel, `mcp:${string}`>;

export function mcpHandlers(servers: McpServers): Pick<Handlers, McpChannel> {
  return {
    'mcp:list': () => servers.list(),
    'mcp:save': (input) => servers.save(input),
    'mcp:remove': ({ id }) => servers.remove(id),
    'mcp:consent': ({ id, fingerprint }) => servers.consent(id, fingerprint),
    'mcp:restart': ({ id }) => servers.restart(id),
    'mcp:setTool': ({ id, tool, enabled, policy }) =>
      servers.setTool(id, String(tool), { ...(typeof enabled === 'boolean' ? { enabled } : {}), ...(policy === 'ask' || policy === 'allow' || policy === 'deny' ? { policy } : {}) }),
    'mcp:conversationServers': async ({ conversationId }) => ({ off: await servers.perConversation.off(String(conversationId)) }),
    'mcp:setConversationServers': async ({ conversationId, off }) => ({ off: await servers.perConversation.setOff(conversationId, off) }),
  };
}
