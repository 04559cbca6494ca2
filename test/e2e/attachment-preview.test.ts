// Attachments as a person handles them: chips say what a file is (PY, MD, not TXT) and open a
// preview, in the composer and in history; files dropped on the conversation are attached with a
// visible overlay; and an error about a refused file goes once its chips are removed.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { makeBinary, makePng } from '../support/attachments/files';
import { lastReply } from './support/app';
import { perTestApp } from './support/per-test';
import { screenshotAll } from './support/screenshots';

const apps = perTestApp();
const chips = (page: Page) => page.getByTestId('attachment-chip');
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });

async function pick(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles(files);
}

describe('attachment chips', () => {
  it('show real type labels, open a preview that Esc closes (focus back on the chip), and a refused file’s error goes with the chips', async () => {
    const { page } = await apps.withOpenAI();
    await pick(page, [
      { name: 'notes.py', mimeType: 'text/x-python', buffer: Buffer.from('def hello():\n    print("hi")\n') },
      { name: 'plan.md', mimeType: 'text/markdown', buffer: Buffer.from('# Plan\n') },
      { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: makeBinary() },
    ]);
    await expect.poll(() => chips(page).count()).toBe(2);
    const py = chips(page).filter({ hasText: 'notes.py' }).getByTestId('file-type');
    expect(await py.getAttribute('title')).toBe('Python');
    expect(await py.textContent()).toBe('PYPython');
    expect(await chips(page).filter({ hasText: 'plan.md' }).getByTestId('file-type').getAttribute('title')).toBe('Markdown');
    expect(await page.getByRole('alert').textContent()).toMatch(/tool\.exe/);

    await page.getByRole('button', { name: 'Preview notes.py' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preview of notes.py' });
    await expect.poll(() => dialog.getByLabel('Text of notes.py').textContent()).toBe('def hello():\n    print("hi")\n');
    await screenshotAll(page, 'attachment-preview-text');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Preview notes.py');

    await page.getByRole('button', { name: 'Remove notes.py' }).click();
    expect(await page.getByRole('alert').count()).toBe(1);
    await page.getByRole('button', { name: 'Remove plan.md' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });

  it('files dropped on the conversation are attached, with an overlay while dragging; a sent image opens from history after a reload', async () => {
    const { page } = await apps.withOpenAI();
    const png = makePng(40, 30).toString('base64');
    const data = await page.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'dot.png', { type: 'image/png' }));
      return transfer;
    }, png);
    const conversation = page.getByRole('log', { name: 'Conversation' });
    await conversation.dispatchEvent('dragenter', { dataTransfer: data });
    await conversation.dispatchEvent('dragover', { dataTransfer: data });
    await page.getByTestId('drop-overlay').waitFor();
    expect(await page.getByTestId('drop-overlay').textContent()).toBe('Drop files to attach them');
    await screenshotAll(page, 'drop-overlay');
    await conversation.dispatchEvent('drop', { dataTransfer: data });
    await expect.poll(() => chips(page).count()).toBe(1);
    expect(await page.getByTestId('drop-overlay').count()).toBe(0);

    await composer(page).fill('What is this?');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    await page.reload();
    await page.getByRole('button', { name: 'What is this?' }).click();
    await page.getByTestId('message-user').getByRole('button', { name: 'Preview dot.png' }).click();
    const image = page.getByRole('dialog', { name: 'Preview of dot.png' }).getByRole('img', { name: 'dot.png' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);
    // Over the whole window, not held inside the message it was opened from.
    const cover = await page.getByRole('dialog', { name: 'Preview of dot.png' }).evaluate((dialog) => dialog.parentElement!.getBoundingClientRect().toJSON());
    expect(cover).toMatchObject({ x: 0, y: 0, width: page.viewportSize()!.width, height: page.viewportSize()!.height });
    await screenshotAll(page, 'attachment-preview-image');
    await page.getByRole('button', { name: 'Close preview' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});
