// The main window's renderer runs isolated and sandboxed, with no Node and no <webview>.
import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src/main/electron-main/window-options';

describe('main window web preferences', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences ?? {};

  it('isolates and sandboxes the page and gives it no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames ?? false).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity ?? true).toBe(true);
    expect(prefs.allowRunningInsecureContent ?? false).toBe(false);
    expect(prefs.experimentalFeatures ?? false).toBe(false);
  });

  it('loads the bundled CommonJS preload (a sandboxed preload cannot load ES modules)', () => {
    expect(prefs.preload).toMatch(/\.cjs$/);
  });
});
