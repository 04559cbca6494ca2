// New windows never open inside the app; web permissions are refused unless the app needs them.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appOrigins } from '../../../src/main/electron-main/app-origin';
import { decideWindowOpen } from '../../../src/main/electron-main/navigation-policy';
import { allowPermission } from '../../../src/main/electron-main/permission-policy';

describe('window.open and target=_blank', () => {
  it.each(['https://example.com/a?b=c', 'http://localhost:11434/', 'mailto:someone@example.com'])(
    'denies the window and hands %s to the system browser',
    (url) => {
      const decision = decideWindowOpen(url);
      expect(decision.action).toBe('deny');
      expect(decision.openExternally).toBe(new URL(url).href);
    },
  );

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'plume://app/index.html', 'data:text/html,<b>x', 'smb://host/share', 'ms-settings:', 'not a url'])(
    'denies %s and opens nothing',
    (url) => {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null });
    },
  );
});

describe('permission policy', () => {
  const origins = appOrigins(undefined);

  it.each(['media', 'notifications', 'geolocation', 'midi', 'hid', 'serial', 'usb', 'display-capture', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])(
    'refuses %s to the app page',
    (permission) => {
      expect(allowPermission(permission, `${APP_ORIGIN}/index.html`, origins)).toBe(false);
    },
  );

  it('lets only the app page write to the clipboard (the copy buttons)', () => {
    expect(allowPermission('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`, origins)).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', APP_ORIGIN, origins)).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', 'https://evil.example/', origins)).toBe(false);
    expect(allowPermission('clipboard-sanitized-write', '', origins)).toBe(false);
  });
});
