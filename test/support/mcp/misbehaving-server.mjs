// A deliberately bad MCP stdio server for containment tests, speaking raw JSON-RPC so it can
// break the rules: `node misbehaving-server.mjs <mode>` where mode is
//   huge     tools/call answers with a result of HUGE_MB megabytes (default 50), then behaves
//   hang     never answers initialize
//   exit     writes to stderr and exits during initialize
//   slow     tools/call never answers, but logs `cancelled <id>` to stderr when cancelled
import { createInterface } from 'node:readline';

const mode = process.argv[2] ?? 'huge';
const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
const tool = { name: 'fetch_data', description: 'Returns data.', inputSchema: { type: 'object', properties: { n: { type: 'number' } } } };
let calls = 0;

createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  if (message.method === 'initialize') {
    if (mode === 'hang') return;
    if (mode === 'exit') {
      process.stderr.write('fatal: could not open the database at /nonexistent\n');
      process.exit(3);
    }
    send({ jsonrpc: '2.0', id: message.id, result: { protocolVersion: message.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'bad', version: '1' } } });
  } else if (message.method === 'tools/list') {
    send({ jsonrpc: '2.0', id: message.id, result: { tools: [tool] } });
  } else if (message.method === 'tools/call') {
    calls++;
    if (mode === 'slow') return;
    if (mode === 'huge' && calls === 1) {
      const size = Number(process.env.HUGE_MB ?? 50) * 1024 * 1024;
      process.stdout.write(`{"jsonrpc":"2.0","result":{"content":[{"type":"text","text":"${'x'.repeat(size)}"}]},"id":${message.id}}\n`);
      return;
    }
    send({ jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text: `call ${calls} ok` }] } });
  } else if (message.method === 'notifications/cancelled') {
    process.stderr.write(`cancelled ${message.params.requestId}\n`);
  }
});
