// Web permissions: everything is refused unless listed here. The only one the page uses is
// writing to the clipboard (the copy buttons), and only the app's own page may do that. Camera,
// microphone, notifications, geolocation, USB and the rest are never granted to the page; desktop
// notifications, when the user turns them on, come from main instead.
import { originOf } from './app-origin';

const GRANTED_TO_APP = new Set(['clipboard-sanitized-write']);

export function allowPermission(permission: string, requestingUrl: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(requestingUrl);
  return GRANTED_TO_APP.has(permission) && origin !== null && allowedOrigins.includes(origin);
}
