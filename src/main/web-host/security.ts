// Browser mode listens on loopback only and admits a request only when it carries this run's
// token (as a cookie set from the printed URL) and, for anything that acts, comes from this very
// origin. The Host check stops DNS-rebinding pages from reaching the host under another name.
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export interface Gate {
  cookieName: string;
  token: string;
  port: number;
}

export function allowedHost(req: IncomingMessage, gate: Gate): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${gate.port}` || host === `localhost:${gate.port}`;
}

export function allowedOrigin(req: IncomingMessage, gate: Gate): boolean {
  const origin = req.headers.origin;
  return origin === `http://127.0.0.1:${gate.port}` || origin === `http://localhost:${gate.port}`;
}

export function hasToken(req: IncomingMessage, gate: Gate): boolean {
  const cookies = parseCookies(req.headers.cookie ?? '');
  return sameSecret(cookies[gate.cookieName], gate.token);
}

export function tokenFromQuery(url: URL, gate: Gate): boolean {
  return sameSecret(url.searchParams.get('token') ?? undefined, gate.token);
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

/** The page's CSP: only this origin, no eval, no inline scripts. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // KaTeX and React set inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
