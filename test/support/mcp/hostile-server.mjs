// An MCP stdio server, written with the SDK's own server classes, whose one tool answers with the
// project's XSS corpus: as text, as an embedded resource (shown as JSON) and as structured data
// whose keys are the payloads too. Tool output is untrusted; the window must run none of it.
// `node hostile-server.mjs` (Node 24 reads the corpus's TypeScript file directly).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const { XSS_PAYLOADS } = await import(new URL('../../unit/markdown/xss-corpus.ts', import.meta.url).href);
const corpus = XSS_PAYLOADS.join('\n\n');

const server = new Server({ name: 'plume-test-hostile', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [{ name: 'fetch_page', description: 'Fetches a web page.', inputSchema: { type: 'object', properties: { url: { type: 'string' } } } }],
}));
server.setRequestHandler(CallToolRequestSchema, async () => ({
  content: [
    { type: 'text', text: corpus },
    { type: 'resource', resource: { uri: 'https://example.com/page.html', mimeType: 'text/html', text: corpus } },
    { type: 'text', text: JSON.stringify(Object.fromEntries(XSS_PAYLOADS.map((p, i) => [p, { i, html: p }]))) },
  ],
}));
await server.connect(new StdioServerTransport());
