// Only the app's own window, main frame and origin may call main.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appOrigins } from '../../../src/main/electron-main/app-origin';
import { isOwnMainFrame } from '../../../src/main/electron-main/sender-check';

const mainFrame = { url: `${APP_ORIGIN}/index.html` };
const own = { mainFrame };
const origins = appOrigins(undefined);

describe('IPC sender check', () => {
  it('accepts the main frame of the app window on plume://app', () => {
    expect(isOwnMainFrame({ sender: own, senderFrame: mainFrame }, own, origins)).toBe(true);
  });

  it('refuses another window, even one showing the app', () => {
    const other = { mainFrame: { url: mainFrame.url } };
    expect(isOwnMainFrame({ sender: other, senderFrame: other.mainFrame }, own, origins)).toBe(false);
  });

  it('refuses a subframe of the app window', () => {
    const iframe = { url: `${APP_ORIGIN}/index.html` };
    expect(isOwnMainFrame({ sender: own, senderFrame: iframe }, own, origins)).toBe(false);
  });

  it('refuses the main frame once it shows another origin, or has gone', () => {
    const moved = { url: 'https://evil.example/' };
    const ownMoved = { mainFrame: moved };
    expect(isOwnMainFrame({ sender: ownMoved, senderFrame: moved }, ownMoved, origins)).toBe(false);
    expect(isOwnMainFrame({ sender: own, senderFrame: null }, own, origins)).toBe(false);
  });

  it('refuses everything while there is no window', () => {
    expect(isOwnMainFrame({ sender: own, senderFrame: mainFrame }, null, origins)).toBe(false);
  });

  it('accepts the dev server origin only when running under electron-vite dev', () => {
    const dev = { url: 'http://localhost:5173/' };
    const devOwn = { mainFrame: dev };
    expect(isOwnMainFrame({ sender: devOwn, senderFrame: dev }, devOwn, origins)).toBe(false);
    expect(isOwnMainFrame({ sender: devOwn, senderFrame: dev }, devOwn, appOrigins('http://localhost:5173'))).toBe(true);
  });
});
