// Applied to every WebContents the app ever creates, not just the main window, so a future
// dialog or devtools-opened page gets the same rules without anyone remembering to add them.
import { app, session, shell, type Session } from 'electron';
import { decideWindowOpen } from './navigation-policy';
import { allowPermission } from './permission-policy';

export function hardenAllContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
  });
}

export function denyPermissions(allowedOrigins: readonly string[], target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowPermission(permission, details.requestingUrl, allowedOrigins));
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin, allowedOrigins),
  );
  // Device pickers (USB, serial, HID, Bluetooth) are never offered to the page.
  target.setDevicePermissionHandler(() => false);
}
