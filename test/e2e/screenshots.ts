// `npm run screenshots`: every main screen at 420 and 1280 px wide, light and dark, as PNGs in
// screenshots/ (git-ignored), from the real window in browser mode against a fake provider.
// Look at them after every change to the window.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeOpenAI } from '../support/fake-providers';
import { addProvider, closeBrowser, startApp } from './support/app';
import { resetWindow, SCREENS, seedConversations } from './support/screens';

const root = join(import.meta.dirname, '../..');
const outDir = join(root, 'screenshots');
const WIDTHS = [420, 1280];
const THEMES = ['light', 'dark'] as const;
const only = process.argv.slice(2);

if (process.env.PLUME_SKIP_BUILD !== '1') {
  const build = spawnSync('electron-vite', ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('electron-vite build failed; run `npm run build` to see why.');
}
mkdirSync(outDir, { recursive: true });

const fake = await startFakeOpenAI();
const app = await startApp();
const { page } = app;
try {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.reload();
      const file = (name: string) => join(outDir, `${name}-${width}-${theme}.png`);
      if (only.length === 0 || only.includes('onboarding')) await page.screenshot({ path: file('onboarding') });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await addProvider(page, { baseURL: fake.baseURL, apiKey: 'sk-screens-0123456789', model: 'gpt-e2e', name: 'Fake OpenAI' });
  await seedConversations(page, fake);
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      for (const screen of SCREENS) {
        if (only.length && !only.includes(screen.name)) continue;
        await resetWindow(page);
        await screen.open(page);
        await upgradesDone(page);
        await page.mouse.move(0, 799); // no hover tooltip in the picture
        await page.screenshot({ path: join(outDir, `${screen.name}-${width}-${theme}.png`) });
      }
    }
  }
  console.log(`Screenshots written to ${outDir}`);
} finally {
  await app.close();
  await fake.close();
  await closeBrowser();
}

/** Highlighting and math typesetting land in idle time after a conversation opens; picture the settled window. */
async function upgradesDone(page: import('playwright').Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.md-code[data-highlight="pending"]'), null, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
}
