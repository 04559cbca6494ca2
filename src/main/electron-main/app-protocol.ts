// Serves the built renderer on plume://app/. The scheme must be registered as privileged before
// the app is ready (standard + secure give it a real origin and a secure context); the handler
// is installed on the default session once ready.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME } from './app-origin';
import { rendererCsp } from './renderer-csp';
import { resolveRendererPath } from './renderer-path';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed.');
    const resolved = resolveRendererPath(request.url, rendererDir);
    if (!resolved.ok) return plain(resolved.status, 'Not available.');
    // net.fetch on file:// streams the file and guesses its MIME type; only headers are added here.
    const file = await net.fetch(pathToFileURL(resolved.file).toString()).catch(() => null);
    if (!file || !file.ok) return plain(404, 'Not found.');
    const headers = new Headers(file.headers);
    headers.set('Content-Security-Policy', rendererCsp());
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    return new Response(file.body, { status: 200, headers });
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
