// The usual e2e shape: every test gets a fresh app (and fake providers) that is torn down after
// it, and the shared browser closes after the file. Call once at the top of a test file.
import { afterAll, afterEach } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from '../../support/fake-providers';
import { addProvider, closeBrowser, type RunningApp, startApp } from './app';

interface Closable {
  close(): Promise<void>;
}

export function perTestApp() {
  const open: Closable[] = [];
  afterEach(async () => {
    // Apps first, so their replies end before the fake servers go away.
    for (const item of open.splice(0).reverse()) await item.close();
  });
  afterAll(closeBrowser);

  const track = <T extends Closable>(item: T): T => {
    open.push(item);
    return item;
  };

  return {
    track,
    start: async (options?: Parameters<typeof startApp>[0]): Promise<RunningApp> => track(await startApp(options)),
    /** A fresh app with one OpenAI-compatible fake provider, added through the UI. */
    withOpenAI: async (options: Parameters<typeof startApp>[0] & { apiKey?: string } = {}) => {
      const { apiKey = 'sk-e2e-0123456789', ...appOptions } = options;
      const fake: FakeOpenAI = track(await startFakeOpenAI());
      const app = track(await startApp(appOptions));
      await addProvider(app.page, { baseURL: fake.baseURL, apiKey, model: 'gpt-e2e' });
      return { app, page: app.page, fake };
    },
  };
}
