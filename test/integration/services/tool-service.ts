// The real services with a provider pointed at a fake server and one MCP server (Streamable
// HTTP, written with the SDK) whose `add` tool runs without asking; closed after each test.
import { afterEach } from 'vitest';
import { startFakeAnthropic, startFakeOpenAI, type FakeProvider } from '../../support/fake-providers';
import { startHttpMcp, type FakeHttpMcp } from '../../support/mcp/http-server';
import { startService, type TestService } from '../attachments/service';

const TOKEN = 'bearer-tools-0123456789';

export function useToolService() {
  const open: Array<TestService | FakeProvider | FakeHttpMcp> = [];
  afterEach(async () => {
    for (const item of open.splice(0).reverse()) await item.close();
  });
  return async function setUp(kind: 'openai' | 'anthropic') {
    const fake = kind === 'openai' ? await startFakeOpenAI() : await startFakeAnthropic();
    open.push(fake);
    const mcp = await startHttpMcp(TOKEN);
    open.push(mcp);
    const app = await startService({ kind, baseURL: fake.baseURL, model: 'fake-tools' });
    open.push(app);
    const server = await app.call('mcp:save', { name: 'calc', enabled: true, transport: 'http', url: mcp.url, bearerToken: TOKEN });
    await app.call('mcp:setTool', { id: server.id, tool: 'add', policy: 'allow' });
    const conversation = await app.call('conversations:create', { providerId: app.providerId, model: 'fake-tools' });
    return { app, fake, conversationId: conversation.id, serverId: server.id };
  };
}
