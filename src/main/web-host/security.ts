// Browser mode listens on loopback only and admits a call only when it carries this run's token
// and, for anything that acts, comes from this very origin. The token travels in the URL
// fragment (never sent to any server), lives in the page, and comes back as a header on every
// call and as a WebSocket subprotocol. No cookie carries it: browsers send cookies for
// 127.0.0.1 to every port, so any other local web server would receive a cookie token.
// The Host check stops DNS-rebinding pages from reaching the host under another name.
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export interface Gate {
  token: string;
  port: number;
}

/** The header the page sends its token in on every RPC. */
export const TOKEN_HEADER = 'x-plume-token';
/** The WebSocket subprotocol the host answers with; the token rides in a second one. */
export const STREAM_PROTOCOL = 'plume';
const TOKEN_PROTOCOL_PREFIX = 'plume-token.';

export function allowedHost(req: IncomingMessage, gate: Gate): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${gate.port}` || host === `localhost:${gate.port}`;
}

export function allowedOrigin(req: IncomingMessage, gate: Gate): boolean {
  const origin = req.headers.origin;
  return origin === `http://127.0.0.1:${gate.port}` || origin === `http://localhost:${gate.port}`;
}

/** An RPC carries the token in its header. */
export function hasTokenHeader(req: IncomingMessage, gate: Gate): boolean {
  const given = req.headers[TOKEN_HEADER];
  return typeof given === 'string' && sameSecret(given, gate.token);
}

/** A reply socket offers `plume` and `plume-token.<token>` as its subprotocols. */
export function hasTokenProtocol(req: IncomingMessage, gate: Gate): boolean {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  return offered.some((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX) && sameSecret(p.slice(TOKEN_PROTOCOL_PREFIX.length), gate.token));
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
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
