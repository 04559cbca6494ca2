// One running Plume in browser mode for a test: the real services and host, a fresh data dir,
// a fresh Chromium page, and fake provider servers to point it at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { observeOutgoingRequests, type OutgoingRequest } from '../../../src/main/providers/byte-reporting-fetch';
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
  /** Every request main's provider code made (SDK calls, model lists, local probes). */
  outgoingRequests: OutgoingRequest[];
  /** Console output of the page and of the host (this process) while the app ran. */
  logs: string[];
  close(): Promise<void>;
}

let browser: Browser | undefined;

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Tees the host's console into `logs` until the returned function restores it. */
function captureConsole(logs: string[]): () => void {
  const originals = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  for (const [name, original] of originals) {
    console[name] = (...args: unknown[]) => {
      logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
      original.apply(console, args);
    };
  }
  return () => {
    for (const [name, original] of originals) console[name] = original;
  };
}

export async function startApp(
  options: Partial<Pick<PlumeServiceOptions, 'idleTimeoutMs' | 'localProbes' | 'maxRetries'>> & {
    /** Prepares the fresh data folder before the services open it (e.g. a damaged database). */
    beforeStart?: (dataDir: string) => void;
  } = {},
): Promise<RunningApp> {
  const { beforeStart, ...serviceOptions } = options;
  browser ??= await launchChromium();
  const outgoingRequests: OutgoingRequest[] = [];
  const stopObserving = observeOutgoingRequests((request) => outgoingRequests.push(request));
  const logs: string[] = [];
  const restoreConsole = captureConsole(logs);
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-'));
  beforeStart?.(dataDir);
  const service = createPlumeService({
    dataDir,
    vault: new FileVault(dataDir),
    mode: 'web',
    version: 'e2e',
    maxRetries: 0,
    // Never probe the developer's own Ollama or LM Studio: tests that want one pass a fake's port.
    localProbes: [],
    ...serviceOptions,
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
  page.on('console', (message) => logs.push(`[page ${message.type()}] ${message.text()}`));
  await page.goto(host.url);
  return {
    page,
    host,
    dataDir,
    context,
    foreignRequests,
    outgoingRequests,
    logs,
    close: async () => {
      stopObserving();
      restoreConsole();
      // A routed request still in flight as the page closes must not surface later as an
      // unhandled rejection (route.fulfill on a disposed response).
      await page.unrouteAll({ behavior: 'ignoreErrors' });
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
  /** A preset's label as the Preset list shows it, e.g. "Groq". */
  preset?: string;
  kind?: 'openai' | 'anthropic';
  name?: string;
  baseURL: string;
  apiKey?: string;
  model: string;
}

/** Fills the provider form the way a person would. */
export async function addProvider(page: Page, fields: ProviderFields): Promise<void> {
  // Exact labels: the form also has "Load models", "Pick a listed model" and the like.
  if (fields.preset) await page.getByLabel('Preset', { exact: true }).selectOption({ label: fields.preset });
  if (fields.kind === 'anthropic') await page.getByLabel('Kind', { exact: true }).selectOption('anthropic');
  if (fields.name) await page.getByLabel('Name', { exact: true }).fill(fields.name);
  await page.getByLabel('Base URL', { exact: true }).fill(fields.baseURL);
  if (fields.apiKey !== undefined) await page.getByLabel('API key', { exact: true }).fill(fields.apiKey);
  await page.getByLabel('Model', { exact: true }).fill(fields.model);
  await page.getByRole('button', { name: 'Save provider' }).click();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
}

export async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
}

export const lastReply = (page: Page) => page.getByTestId('message-assistant').last();

/** A loopback port nothing listens on (bound, then released): "unreachable" for a test. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The model picker's button: its name reads "Model: <id> from <provider>". */
export const modelButton = (page: Page) => page.getByRole('button', { name: /^Model:/ });

/** The model the open chat will use, as the header shows it. */
export const shownModel = (page: Page) => modelButton(page).locator('.model-name').textContent();

/** Chooses a model the way a person would: open the picker, type the id, press Enter. */
export async function chooseModel(page: Page, model: string): Promise<void> {
  await modelButton(page).click();
  const search = page.getByRole('combobox', { name: 'Search models' });
  await search.fill(model);
  await search.press('Enter');
}

/**
 * Waits until the page has run two rendering steps, so a resize or media change has reached
 * media-query listeners and React has committed what they set. Bounded: a page that does not
 * paint (hidden) still goes on after a second.
 */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        setTimeout(done, 1_000);
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }),
  );
}

/** Runs an item of the header's overflow menu ("Chat options", "Export chat…", …). */
export async function fromMoreMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'More actions' }).click();
  // By its label alone (a shortcut may follow it), exactly: "Export all…" must not also match a longer label.
  const label = new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.getByRole('menuitem').filter({ has: page.locator('.menu-label', { hasText: label }) }).click();
}

/** What to export: the open chat, the conversations selected in the sidebar (how many), or all of them. */
export type ExportScope = 'chat' | 'all' | { selected: number };
export type ExportFormatName = 'Markdown' | 'JSON (lossless)' | 'HTML' | 'PDF';

/** The menu item and the dialog it opens, as the window names them. */
function exportNames(scope: ExportScope): { item: string; dialog: string } {
  if (scope === 'chat') return { item: 'Export chat…', dialog: 'Export this chat' };
  if (scope === 'all') return { item: 'Export all…', dialog: 'Export all chats' };
  return { item: `Export ${scope.selected} selected…`, dialog: `Export ${scope.selected} selected chat${scope.selected === 1 ? '' : 's'}` };
}

/**
 * Exports the way a person would: "More actions" → "Export chat…" (or all, or the selected), then in
 * the dialog the format and options, then Export. Start waiting for the download before calling.
 */
export async function exportFrom(page: Page, scope: ExportScope, format: ExportFormatName, options: { everyBranch?: boolean; stats?: boolean } = {}): Promise<void> {
  const names = exportNames(scope);
  await fromMoreMenu(page, names.item);
  const dialog = page.getByRole('dialog', { name: names.dialog, exact: true });
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  // The dialog remembers the last export's options: each is set as asked, on or off.
  if (format === 'Markdown' || format === 'HTML') await dialog.getByRole('checkbox', { name: 'Every branch' }).setChecked(options.everyBranch === true);
  if (format === 'HTML') await dialog.getByRole('checkbox', { name: 'Speed, tokens and cost' }).setChecked(options.stats === true);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}
