// Images in exports: a remote image in model markdown is fetched neither by the window (until the
// reader asks) nor by the HTML export opened in a browser. Both say "Image: <alt>" and where it
// is; the export shows the full address as a link. Attached pictures are embedded in the file.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportFrom, lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';

const apps = perTestApp();
const shots = process.env.PLUME_SCREENSHOTS;

describe('images in exports', () => {
  it('a remote image is a labelled link with its address, never fetched, in the window and in the HTML export', async () => {
    const { app, page, fake } = await apps.withOpenAI();
    const hits: string[] = [];
    const images = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    try {
      const host = `127.0.0.1:${(images.address() as AddressInfo).port}`;
      const url = `http://${host}/cat.png`;
      fake.replyText(`A cat:\n\n![A sleeping cat](${url})\n\nThat is all.`, { tokens: 6 });
      await send(page, 'Show me a cat');
      await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
      const placeholder = lastReply(page).getByRole('button', { name: `Image: A sleeping cat — click to load from ${host}` });
      expect(await placeholder.count()).toBe(1);

      const download = page.waitForEvent('download');
      await exportFrom(page, 'chat', 'HTML');
      const file = join(mkdtempSync(join(tmpdir(), 'plume-export-images-')), (await download).suggestedFilename());
      await (await download).saveAs(file);
      const exported = await app.context.newPage();
      await exported.goto(pathToFileURL(file).href);
      const remote = exported.locator('section.message.assistant .md-image-remote');
      expect(await remote.textContent()).toBe(`Image: A sleeping cat — not loaded: ${url}`);
      expect(await remote.getByRole('link', { name: url }).getAttribute('href')).toBe(url);
      expect(await exported.locator('img').count()).toBe(0);
      if (shots) {
        for (const width of [420, 1280]) {
          for (const scheme of ['light', 'dark'] as const) {
            await exported.setViewportSize({ width, height: 600 });
            await exported.emulateMedia({ colorScheme: scheme });
            await exported.screenshot({ path: join(shots, `export-remote-image-${width}-${scheme}.png`) });
          }
        }
      }
      await exported.close();
      // Neither the window nor the opened export asked the image's host for anything.
      expect(hits).toEqual([]);
    } finally {
      await new Promise((resolve) => images.close(resolve));
    }
  });
});
