// Browser mode listens on loopback and lets in only this run's page: token, Host and Origin are
// checked on every route, including the WebSocket that carries replies.
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlumeService } from '../../src/main/services/plume-service';
import { FileVault } from '../../src/main/settings/file-vault';
import { startWebHost, type WebHost } from '../../src/main/web-host/server';

let host: WebHost;
let cookie: string;
const rendererDir = join(import.meta.dirname, '../../out/renderer');

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-sec-'));
  host = await startWebHost({ service: createPlumeService({ dataDir, vault: new FileVault(dataDir), mode: 'web', version: 't' }), rendererDir });
  const first = await fetch(host.url, { redirect: 'manual' });
  cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] as string;
});
afterAll(() => host.close());

function raw(path: string, headers: Record<string, string>, method = 'GET', body = ''): Promise<number> {
  const url = new URL(path, host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers, setHost: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const port = () => new URL(host.origin).port;

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and trades the URL token for an HttpOnly cookie', async () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    const first = await fetch(host.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses the page without the token, and serves it with a strict CSP with it', async () => {
    expect(await raw('/', { Host: `127.0.0.1:${port()}` })).toBe(403);
    const page = await fetch(`${host.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    expect(await raw('/', { Host: `evil.example:${port()}`, Cookie: cookie })).toBe(421);
  });

  it('refuses calls from another origin even with the cookie', async () => {
    const headers = { Host: `127.0.0.1:${port()}`, Cookie: cookie, 'Content-Type': 'application/json' };
    expect(await raw('/rpc/providers:list', { ...headers, Origin: 'http://evil.example' }, 'POST')).toBe(403);
    expect(await raw('/rpc/providers:list', { ...headers, Origin: host.origin }, 'POST')).toBe(200);
  });

  it('answers unknown channels with a clear error and never reaches a handler', async () => {
    const res = await fetch(`${host.origin}/rpc/fs:readFile`, { method: 'POST', headers: { cookie, origin: host.origin }, body: '{}' });
    expect(await res.json()).toEqual({ ok: false, error: { kind: 'config', message: 'Unknown request "fs:readFile".' } });
  });

  it('refuses reply sockets without the token or from another origin', async () => {
    const attempt = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port()}/stream`, { headers });
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('error', () => resolve('refused'));
      });
    expect(await attempt({ Origin: host.origin })).toBe('refused');
    expect(await attempt({ Origin: 'http://evil.example', Cookie: cookie })).toBe('refused');
    expect(await attempt({ Origin: host.origin, Cookie: cookie })).toBe('open');
  });
});
