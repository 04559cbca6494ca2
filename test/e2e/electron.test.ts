// The desktop app itself, through Playwright's Electron driver: launch, add a provider, stream a
// reply from a fake provider, stop one mid-stream, reload mid-stream, the shell's security rules
// as the real Electron applies them, a second instance, and the menu reaching the page. Runs
// wherever the Electron binary is installed (under xvfb-run on Linux).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stall, streamReply } from '../support/fake-providers/steps';
import * as openai from '../support/fake-providers/openai-wire';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-providers';
import { addProvider, exportFrom, send } from './support/app';
import { ELECTRON_MISSING_REASON, electronBinary } from './support/electron-binary';
import { APP_COMMAND_MESSAGE_TYPE } from '../../src/shared/app-commands';
import { rendererCsp } from '../../src/main/electron-main/renderer-csp';

const binary = electronBinary();
if (!binary) console.warn(`\n[plume] ${ELECTRON_MISSING_REASON}\n`);

describe.skipIf(!binary)('Electron app', () => {
  let app: ElectronApplication;
  let fake: FakeOpenAI;
  const root = join(import.meta.dirname, '../..');
  const env = { ...process.env, PLUME_DATA_DIR: mkdtempSync(join(tmpdir(), 'plume-electron-')) };

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    app = await _electron.launch({ executablePath: binary as string, args: [root], env });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('runs sandboxed with only the contract exposed, and streams a reply', async () => {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => Object.keys((window as unknown as { plume: object }).plume).sort())).toEqual(['invoke', 'requestStream']);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await addProvider(page, { baseURL: fake.baseURL, apiKey: 'sk-electron-0123456789', model: 'gpt-e2e' });
    fake.replyText('Hello from the desktop app.', { tokens: 6, everyMs: 20 });
    await send(page, 'Hi');
    const reply = page.getByTestId('message-assistant').last();
    await expect.poll(() => reply.getAttribute('data-state')).toBe('complete');
    expect(await reply.locator('.message-text').textContent()).toBe('Hello from the desktop app.');
  });

  it('Stop aborts the HTTP request', async () => {
    const page = await app.firstWindow();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Going on and on'), stall()]));
    await send(page, 'Talk');
    const reply = page.getByTestId('message-assistant').last();
    await expect.poll(() => reply.locator('.message-text').textContent()).toBe('Going on and on');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await fake.waitForDisconnect();
    await expect.poll(() => reply.getAttribute('data-state')).toBe('stopped');
  });

  it('reloading mid-reply aborts the HTTP request', async () => {
    const page = await app.firstWindow();
    fake.nextReply(streamReply([openai.roleChunk(), openai.textChunk('Still talking'), stall()]));
    await send(page, 'Talk more');
    await expect.poll(() => page.getByTestId('message-assistant').last().locator('.message-text').textContent()).toBe('Still talking');
    await page.reload();
    await fake.waitForDisconnect();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
  });

  it('exports a conversation as JSON through the save dialog and as PDF through printToPDF', async () => {
    const page = await app.firstWindow();
    const out = mkdtempSync(join(tmpdir(), 'plume-electron-export-'));
    // Stand in for the person at the native save dialogs: every save goes to `out`.
    await app.evaluate(({ dialog, session }, dir) => {
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        const options = args.find((a) => typeof a === 'object' && a !== null && 'defaultPath' in a) as { defaultPath: string };
        return { canceled: false, filePath: `${dir}/${options.defaultPath}` };
      }) as typeof dialog.showSaveDialog;
      session.defaultSession.on('will-download', (_event, item) => item.setSavePath(`${dir}/${item.getFilename()}`));
    }, out);
    await page.getByRole('button', { name: 'Hi', exact: true }).click();
    await exportFrom(page, 'chat', 'JSON (lossless)');
    await expect.poll(() => readdirSync(out).find((f) => f.endsWith('.json'))).toBeTruthy();
    const json = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.json')) as string), 'utf8');
    expect(json).toContain('Hello from the desktop app.');
    expect(json).not.toContain('sk-electron-0123456789');
    await exportFrom(page, 'chat', 'PDF');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Saved .*\.pdf/);
    const pdf = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.pdf')) as string));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('serves the page from plume://app with the desktop CSP header', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toBe('plume://app/index.html');
    const csp = await page.evaluate(() => fetch(location.href).then((response) => response.headers.get('content-security-policy')));
    expect(csp).toBe(rendererCsp());
  });

  it('opens no new window and grants no web permission', async () => {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true);
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    expect(await page.evaluate(() => navigator.permissions.query({ name: 'geolocation' }).then((status) => status.state))).toBe('denied');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('sends a menu command to the page', async () => {
    const page = await app.firstWindow();
    const received = page.evaluate(
      (type) => new Promise((resolve) => window.addEventListener('message', (event) => event.data?.type === type && resolve(event.data.command))),
      APP_COMMAND_MESSAGE_TYPE,
    );
    const accelerator = await app.evaluate(({ Menu }) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById('new-chat');
      item?.click();
      return item?.accelerator;
    });
    expect(accelerator).toBe('CmdOrCtrl+N');
    expect(await received).toBe('new-chat');
  });

  it('a second launch hands over to the running app and exits', async () => {
    const second = spawn(binary as string, [root], { env, stdio: 'ignore' });
    const [code] = await once(second, 'exit');
    expect(code).toBe(0);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
