// MCP servers through Plume's service layer with real servers: the npm registry's
// server-everything and server-filesystem over stdio, a Streamable HTTP server written with the
// SDK, and a deliberately bad server for the limits. Consent comes before any local command runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { McpServerView } from '../../../src/shared/mcp';
import { McpServers } from '../../../src/main/mcp/servers';
import { FileVault } from '../../../src/main/settings/file-vault';
import { startHttpMcp } from '../../support/mcp/http-server';

const root = join(import.meta.dirname, '../../..');
const EVERYTHING = join(root, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const FILESYSTEM = join(root, 'node_modules/@modelcontextprotocol/server-filesystem/dist/index.js');
const MISBEHAVING = join(root, 'test/support/mcp/misbehaving-server.mjs');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup(options: Partial<ConstructorParameters<typeof McpServers>[0]> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-mcp-'));
  const servers = new McpServers({ dataDir, vault: new FileVault(dataDir), ...options });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => servers.closeAll());
  return { servers, dataDir };
}

async function addLocal(servers: McpServers, name: string, args: string[], env: Record<string, string> = {}): Promise<McpServerView> {
  const saved = await servers.save({ name, enabled: true, transport: 'stdio', command: process.execPath, args, env });
  return servers.consent(saved.id, saved.consent.fingerprint);
}

describe('MCP servers', () => {
  it('a local server needs consent to the exact command line before it runs, and again after a change', async () => {
    const { servers, dataDir } = setup();
    const saved = await servers.save({
      name: 'everything',
      enabled: true,
      transport: 'stdio',
      command: process.execPath,
      args: [EVERYTHING, 'stdio', "it's a test"],
      env: { API_TOKEN: 'tok-secret-123456789' },
    });
    expect(saved.status).toEqual({ state: 'needs-consent' });
    expect(saved.commandLine).toBe(`${process.execPath} ${EVERYTHING} stdio 'it'\\''s a test'`);
    expect(saved.env).toEqual([{ name: 'API_TOKEN', hint: '…6789' }]);
    await expect(servers.restart(saved.id)).rejects.toThrow(/Allow the MCP server “everything” to run/);
    await expect(servers.consent(saved.id, 'not-what-was-shown')).rejects.toThrow(/changed since it was shown/);

    const allowed = await servers.consent(saved.id, saved.consent.fingerprint);
    expect(allowed.consent.needed).toBe(false);
    const ready = await servers.restart(saved.id);
    expect(ready.status).toMatchObject({ state: 'ready', transport: 'stdio' });
    const echo = ready.tools.find((t) => t.name === 'echo');
    expect(echo?.description).toMatch(/echo/i);
    expect(echo?.inputSchema).toMatchObject({ type: 'object', properties: { message: { type: 'string' } } });

    // The secret stays in main: not in the view, not in the settings file.
    expect(JSON.stringify(await servers.list())).not.toContain('tok-secret-123456789');
    expect(readFileSync(join(dataDir, 'mcp-servers.json'), 'utf8')).not.toContain('tok-secret');

    // A changed environment value is a different command: consent again, and the old process stops.
    const changed = await servers.save({ id: saved.id, name: 'everything', enabled: true, transport: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'], env: { API_TOKEN: 'other' } });
    expect(changed.status).toEqual({ state: 'needs-consent' });
    await expect(servers.connection(saved.id)).rejects.toThrow(/Allow the MCP server/);
  });

  it('calls server-everything tools; the child gets only allow-listed environment plus the user’s', async () => {
    process.env.PLUME_TEST_LEAK = 'must-not-reach-the-server';
    cleanups.push(() => void delete process.env.PLUME_TEST_LEAK);
    const { servers } = setup();
    const view = await addLocal(servers, 'everything', [EVERYTHING, 'stdio'], { MY_SETTING: 'from-the-user' });
    const connection = await servers.connection(view.id);
    expect(await connection.callTool('echo', { message: 'hello' })).toEqual({ content: [{ type: 'text', text: 'Echo: hello' }] });
    const env = JSON.stringify(await connection.callTool('get-env', {}));
    expect(env).toContain('from-the-user');
    expect(env).toContain('PATH');
    expect(env).not.toContain('must-not-reach-the-server');
    const off = await servers.setTool(view.id, 'echo', { enabled: false });
    expect(off.tools.find((t) => t.name === 'echo')?.enabled).toBe(false);
  });

  it('server-filesystem lists a temporary directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-fs-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'notes.md'), '# notes');
    const { servers } = setup();
    const view = await addLocal(servers, 'files', [FILESYSTEM, dir]);
    const connection = await servers.connection(view.id);
    const listing = await connection.callTool('list_directory', { path: dir });
    expect(JSON.stringify(listing.content)).toContain('[FILE] notes.md');
  });

  it('a Streamable HTTP server gets the bearer token stored in the vault', async () => {
    const http = await startHttpMcp('bearer-abc-123456');
    cleanups.push(() => http.close());
    const { servers } = setup();
    const saved = await servers.save({ name: 'remote', enabled: true, transport: 'http', url: http.url, bearerToken: 'bearer-abc-123456' });
    expect(saved.consent.needed).toBe(false);
    expect(saved.hasBearerToken).toBe(true);
    expect(JSON.stringify(saved)).not.toContain('bearer-abc');
    const ready = await servers.restart(saved.id);
    expect(ready.status).toMatchObject({ state: 'ready', toolCount: 1, transport: 'streamable-http' });
    const connection = await servers.connection(saved.id);
    expect(await connection.callTool('add', { a: 2, b: 40 })).toMatchObject({ content: [{ type: 'text', text: '42' }] });
    expect(http.authorizations.every((a) => a === 'Bearer bearer-abc-123456')).toBe(true);

    const wrong = await servers.save({ id: saved.id, name: 'remote', enabled: true, transport: 'http', url: http.url, bearerToken: 'wrong' });
    expect(wrong.status.state).toBe('stopped');
    const failed = await servers.restart(saved.id);
    expect(failed.status).toMatchObject({ state: 'failed' });
  });
});

describe('MCP servers that misbehave are contained', () => {
  it('a 50 MB result becomes a clear error for that call, and the server keeps working', async () => {
    const { servers } = setup();
    const view = await addLocal(servers, 'huge', [MISBEHAVING, 'huge']);
    const connection = await servers.connection(view.id);
    await expect(connection.callTool('fetch_data', {})).rejects.toThrow(/larger than 8 MB; Plume did not read it/);
    expect(await connection.callTool('fetch_data', {})).toEqual({ content: [{ type: 'text', text: 'call 2 ok' }] });
  });

  it.each([
    ['SSE events', false],
    ['a JSON body', true],
  ])('a remote server answering 20 MB in %s: a clear error for that call, and the server keeps working', async (_how, jsonResponse) => {
    const http = await startHttpMcp('bearer-huge-123456', { hugeResultMB: 20, jsonResponse });
    cleanups.push(() => http.close());
    const { servers } = setup();
    const saved = await servers.save({ name: 'remote huge', enabled: true, transport: 'http', url: http.url, bearerToken: 'bearer-huge-123456' });
    const connection = await servers.connection(saved.id);
    await expect(connection.callTool('huge', {})).rejects.toThrow(/larger than 8 MB; Plume did not read it/);
    expect(await connection.callTool('add', { a: 2, b: 3 })).toEqual({ content: [{ type: 'text', text: '5' }] });
    expect(connection.status).toMatchObject({ state: 'ready' });
  });

  it('a server that never answers fails with a timeout', async () => {
    const { servers } = setup({ timeouts: { startMs: 500, listMs: 500, callIdleMs: 500, callTotalMs: 1_000 } });
    const view = await addLocal(servers, 'hang', [MISBEHAVING, 'hang']);
    const status = (await servers.restart(view.id)).status;
    expect(status).toMatchObject({ state: 'failed', reason: expect.stringMatching(/timed out/i) });
  });

  it('a server that exits fails with its stderr', async () => {
    const { servers } = setup();
    const view = await addLocal(servers, 'exit', [MISBEHAVING, 'exit']);
    const status = (await servers.restart(view.id)).status;
    expect(status).toMatchObject({ state: 'failed', stderrTail: expect.stringContaining('could not open the database') });
  });

  it('a command that does not exist fails with a plain reason', async () => {
    const { servers } = setup();
    const saved = await servers.save({ name: 'nope', enabled: true, transport: 'stdio', command: '/nonexistent/mcp-server', args: [] });
    await servers.consent(saved.id, saved.consent.fingerprint);
    const status = (await servers.restart(saved.id)).status;
    expect(status).toMatchObject({ state: 'failed', reason: expect.stringMatching(/not found/) });
  });

  it('Stop cancels the call: the server receives notifications/cancelled', async () => {
    const { servers } = setup();
    const view = await addLocal(servers, 'slow', [MISBEHAVING, 'slow']);
    const connection = await servers.connection(view.id);
    const controller = new AbortController();
    const call = connection.callTool('fetch_data', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(call).rejects.toThrow(/abort/i);
    await expect.poll(() => connection.stderrTail).toMatch(/cancelled \d+/);
  });
});
