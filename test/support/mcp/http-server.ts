// A Streamable HTTP MCP server on 127.0.0.1, written with the SDK's own server classes
// (stateless: a fresh Server and transport per request, as the SDK's examples do). It requires
// a bearer token, so a test can see that the saved secret really reaches the server. With
// `hugeResultMB` it also has a `huge` tool whose text result is that big, answered as SSE events
// (the SDK's default) or, with `jsonResponse`, as one JSON body.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

export interface FakeHttpMcp {
  url: string;
  /** Authorization headers the server saw. */
  authorizations: string[];
  close(): Promise<void>;
}

const TOOLS = [
  { name: 'add', description: 'Adds two numbers.', inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] } },
];

export interface HttpMcpOptions {
  hugeResultMB?: number;
  jsonResponse?: boolean;
}

const HUGE = { name: 'huge', description: 'Returns a very large text.', inputSchema: { type: 'object', properties: {} } };

function mcpServer(options: HttpMcpOptions): Server {
  const server = new Server({ name: 'plume-test-http', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: options.hugeResultMB ? [...TOOLS, HUGE] : TOOLS }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    if (request.params.name === 'huge') return { content: [{ type: 'text', text: 'x'.repeat((options.hugeResultMB ?? 0) * 1024 * 1024) }] };
    const { a, b } = (request.params.arguments ?? {}) as { a: number; b: number };
    return { content: [{ type: 'text', text: String(a + b) }] };
  });
  return server;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export async function startHttpMcp(token: string, options: HttpMcpOptions = {}): Promise<FakeHttpMcp> {
  const authorizations: string[] = [];
  const http = createServer(async (req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const server = mcpServer(options);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: options.jsonResponse === true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, await readJson(req));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
