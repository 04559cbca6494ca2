// Where the packaged renderer lives. A custom standard scheme instead of file:// gives the page a
// real origin of its own, so CSP 'self', fetch and storage are scoped to it and nothing on disk
// outside out/renderer is reachable from the page.
export const APP_SCHEME = 'plume';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * scheme://host[:port] of a URL, or null. WHATWG `URL.origin` is the string "null" for schemes it
 * does not know, so it cannot be used for plume:// URLs.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** Origins the app's own page may have: the custom scheme, or the dev server under `electron-vite dev`. */
export function appOrigins(devServerUrl: string | undefined): string[] {
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}
