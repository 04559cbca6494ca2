// The desktop app itself, through Playwright's Electron driver: launch, add a provider, stream a
// reply from a fake provider, stop one mid-stream. Runs wherever the Electron binary is installed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stall, streamReply } from '../support/fake-providers/steps';
import * as openai from '../support/fake-providers/openai-wire';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-providers';
import { addProvider, send } from './support/app';
import { ELECTRON_MISSING_REASON, electronBinary } from './support/electron-binary';

const binary = electronBinary();
if (!binary) console.warn(`\n[plume] ${ELECTRON_MISSING_REASON}\n`);

describe.skipIf(!binary)('Electron app', () => {
  let app: ElectronApplication;
  let fake: FakeOpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    app = await _electron.launch({
      executablePath: binary as string,
      args: [join(import.meta.dirname, '../..')],
      env: { ...process.env, PLUME_DATA_DIR: mkdtempSync(join(tmpdir(), 'plume-electron-')) },
    });
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
});
