// One running Plume in browser mode for a test: the real services and host, a fresh data dir,
// a fresh Chromium page, and fake provider servers to point it at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { createPlumeService, type PlumeServiceOptions } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';
import { startWebHost, type WebHost } from '../../../src/main/web-host/server';
import { launchChromium } from './browser';

const rendererDir = join(import.meta.dirname, '../../../out/renderer');

export interface RunningApp {
  page: Page;
  host: WebHost;
  dataDir: string;
  context: BrowserContext;
  /** Everything the page requested that did not go to the host itself. */
  foreignRequests: string[];
  close(): Promise<void>;
}

let browser: Browser | undefined;

export async function startApp(options: Partial<Pick<PlumeServiceOptions, 'idleTimeoutMs'>> = {}): Promise<RunningApp> {
  browser ??= await launchChromium();
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-'));
  const service = createPlumeService({
    dataDir,
    vault: new FileVault(dataDir),
    mode: 'web',
    version: 'e2e',
    maxRetries: 0,
    ...options,
  });
  const host = await startWebHost({ service, rendererDir });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(host.origin) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.url);
  return {
    page,
    host,
    dataDir,
    context,
    foreignRequests,
    close: async () => {
      await context.close();
      if (pageErrors.length) throw new Error(`Uncaught errors in the page: ${pageErrors.join('; ')}`);
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export interface ProviderFields {
  kind?: 'openai' | 'anthropic';
  name?: string;
  baseURL: string;
  apiKey?: string;
  model: string;
}

/** Fills the provider form the way a person would. */
export async function addProvider(page: Page, fields: ProviderFields): Promise<void> {
  if (fields.kind === 'anthropic') await page.getByLabel('Kind').selectOption('anthropic');
  if (fields.name) await page.getByLabel('Name').fill(fields.name);
  await page.getByLabel('Base URL').fill(fields.baseURL);
  if (fields.apiKey !== undefined) await page.getByLabel('API key').fill(fields.apiKey);
  await page.getByLabel('Model').fill(fields.model);
  await page.getByRole('button', { name: 'Save provider' }).click();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
}

export async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
}

export const lastReply = (page: Page) => page.getByTestId('message-assistant').last();
