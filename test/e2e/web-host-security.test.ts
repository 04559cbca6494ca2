// Browser mode listens on loopback and lets in only this run's page: token, Host and Origin are
// checked on every call, including the WebSocket that carries replies. The token never rides in a
// cookie, because browsers send 127.0.0.1's cookies to every port on it.
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlumeService } from '../../src/main/services/plume-service';
import { FileVault } from '../../src/main/settings/file-vault';
import { startWebHost, type WebHost } from '../../src/main/web-host/server';
import { perTestApp } from './support/per-test';

let host: WebHost;
let token: string;
const rendererDir = join(import.meta.dirname, '../../out/renderer');

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-sec-'));
  host = await startWebHost({ service: createPlumeService({ dataDir, vault: new FileVault(dataDir), mode: 'web', version: 't' }), rendererDir });
  token = new URL(host.url).hash.slice('#token='.length);
});
afterAll(() => host.close());

function raw(path: string, headers: Record<string, string>, method = 'GET', body = '', origin = host.origin): Promise<number> {
  const url = new URL(path, origin);
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
const attempt = (protocols: string[], headers: Record<string, string>) =>
  new Promise<string>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port()}/stream`, protocols, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('error', () => resolve('refused'));
  });

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and prints the token in the fragment, which no request carries', async () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    expect(new URL(host.url).search).toBe('');
    expect(token.length).toBeGreaterThanOrEqual(32);
    const page = await fetch(`${host.origin}/`);
    expect(page.headers.get('set-cookie')).toBeNull();
  });

  it('serves the page without the token under a strict CSP, and refuses calls without it', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
    const headers = { Host: `127.0.0.1:${port()}`, Origin: host.origin, 'Content-Type': 'application/json' };
    expect(await raw('/rpc/providers:list', headers, 'POST')).toBe(403);
    expect(await raw('/rpc/providers:list', { ...headers, 'X-Plume-Token': 'x'.repeat(token.length) }, 'POST')).toBe(403);
    expect(await raw('/rpc/providers:list', { ...headers, 'X-Plume-Token': token }, 'POST')).toBe(200);
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    expect(await raw('/', { Host: `evil.example:${port()}` })).toBe(421);
    expect(await raw('/rpc/providers:list', { Host: `evil.example:${port()}`, 'X-Plume-Token': token, Origin: host.origin }, 'POST')).toBe(421);
  });

  it('refuses calls from another origin even with the token', async () => {
    const headers = { Host: `127.0.0.1:${port()}`, 'X-Plume-Token': token, 'Content-Type': 'application/json' };
    expect(await raw('/rpc/providers:list', { ...headers, Origin: 'http://evil.example' }, 'POST')).toBe(403);
    expect(await raw('/rpc/providers:list', { ...headers, Origin: 'http://127.0.0.1:1' }, 'POST')).toBe(403);
  });

  it('answers unknown channels with a clear error and never reaches a handler', async () => {
    const res = await fetch(`${host.origin}/rpc/fs:readFile`, { method: 'POST', headers: { 'x-plume-token': token, origin: host.origin }, body: '{}' });
    expect(await res.json()).toEqual({ ok: false, error: { kind: 'config', message: 'Unknown request "fs:readFile".' } });
  });

  it('refuses reply sockets without the token subprotocol or from another origin', async () => {
    expect(await attempt(['plume'], { Origin: host.origin })).toBe('refused');
    expect(await attempt(['plume', `plume-token.${'x'.repeat(token.length)}`], { Origin: host.origin })).toBe('refused');
    expect(await attempt(['plume', `plume-token.${token}`], { Origin: 'http://evil.example' })).toBe('refused');
    expect(await attempt(['plume', `plume-token.${token}`], { Origin: host.origin })).toBe('open');
  });
});

describe('another web server on 127.0.0.1', () => {
  const apps = perTestApp();

  it('gets nothing from the browser that lets it call Plume', async () => {
    const app = await apps.start();
    await app.page.getByRole('button', { name: 'Save provider' }).waitFor();
    // The page took the token out of the address bar.
    expect(app.page.url()).not.toContain('token');

    // A server on another port of the same address records everything the browser sends it: a
    // visit typed in the same browser, and a request made from a page it serves.
    const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
    const other = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<p>other server</p><img src="/pixel.png">');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      const visit = await app.context.newPage();
      await visit.goto(`${otherOrigin}/typed`);
      await visit.waitForLoadState('networkidle');
      await app.page.evaluate((url) => fetch(url, { mode: 'no-cors', credentials: 'include' }).catch(() => undefined), `${otherOrigin}/from-plume`);
      await visit.close();
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
    expect(seen.length).toBeGreaterThanOrEqual(2);

    const printed = new URL(app.host.url);
    const appToken = new URLSearchParams(printed.hash.slice(1)).get('token') ?? printed.searchParams.get('token') ?? '';
    expect(appToken.length).toBeGreaterThanOrEqual(32);
    for (const { url, headers } of seen) {
      expect(url + JSON.stringify(headers)).not.toContain(appToken);
      // Replaying every header the browser sent (cookies included) against Plume, as that server
      // could, with the Origin forged to Plume's own: refused.
      const forwarded: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (typeof value === 'string' && !['connection', 'content-length', 'transfer-encoding'].includes(name)) forwarded[name] = value;
      }
      const headersForPlume = { ...forwarded, host: new URL(app.host.origin).host, origin: app.host.origin, 'content-type': 'application/json' };
      expect(await raw('/rpc/providers:list', headersForPlume, 'POST', '', app.host.origin)).toBe(403);
    }
  });

  it('a reload keeps the page working: the token stays in this tab', async () => {
    const app = await apps.start();
    await app.page.getByRole('button', { name: 'Save provider' }).waitFor();
    await app.page.reload();
    await app.page.getByRole('button', { name: 'Save provider' }).waitFor();
    expect(await app.page.getByText(/access token/).count()).toBe(0);
  });
});

describe('the page opened without its token', () => {
  const apps = perTestApp();

  it('says how to open Plume instead of showing a broken window', async () => {
    const app = await apps.start();
    const bare = await app.context.browser()!.newContext();
    try {
      const page = await bare.newPage();
      await page.goto(`${app.host.origin}/`);
      await expect.poll(() => page.getByText(/address printed by `npm run web`/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.screenshot({ path: join(import.meta.dirname, '../../test-results/no-token.png') });
    } finally {
      await bare.close();
    }
  });
});
