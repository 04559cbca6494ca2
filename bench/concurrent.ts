// npm run bench:concurrent — one reply on screen while seven others stream in other
// conversations, through the real app: browser-mode host and services in this process (main),
// the real window in Chromium, one fake provider in a child process, every reply 50 KB at
// 2,000 tok/s. Compares, in the same run, the visible reply's frame times with the same reply
// streaming alone, and weighs main and the renderer at the peak (95% of every reply received).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright';
import { createPlumeService } from '../src/main/services/plume-service';
import { FileVault } from '../src/main/settings/file-vault';
import { startWebHost } from '../src/main/web-host/server';
import { fixture } from './render/fixtures.ts';
import { launch } from './render/serve.ts';
import { type Figure, percentile, report } from './support/report';
import { recordReplyFrames } from './support/reply-frames.ts';

const BACKGROUND = 7;
const FIXTURE = 'mixed-50k';
const HOLD_AT = 0.95;
const ROUNDS = 4;
const MB = 1024 * 1024;
const root = join(import.meta.dirname, '..');
// Counted across runs: the provider reports requests and holds since it started.
let runs = 0;
let requestsSent = 0;
let heldSoFar = 0;

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('electron-vite build failed: run `npx electron-vite build` to see why.');
}
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with --expose-gc (npm run bench:concurrent does).');

const provider = await startProvider();
const dataDir = mkdtempSync(join(tmpdir(), 'plume-concurrent-'));
const service = createPlumeService({ dataDir, vault: new FileVault(dataDir), mode: 'web', version: 'bench', maxRetries: 0, localProbes: [] });
const host = await startWebHost({ service, rendererDir: join(root, 'out/renderer') });
await service.handlers['providers:save']({ name: 'Bench', kind: 'openai', baseURL: provider.baseURL, apiKey: 'sk-bench-0123456789', model: 'bench-model' });
const browser = await launch(['--js-flags=--expose-gc']);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const cdp = await page.context().newCDPSession(page);
await page.goto(host.url);
await page.getByRole('textbox', { name: 'Message' }).waitFor();
const replyChars = fixture(FIXTURE).length;
const loadBefore = loadavg();
const started = performance.now();

try {
  // Warm-up: JIT, highlight.js, KaTeX.
  await run({ background: 0, visible: true });
  // Alternated, and frames pooled per kind, so a change in the machine's load hits both alike.
  const aloneRuns: VisibleFrames[] = [];
  const togetherRuns: VisibleFrames[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Which goes first alternates too, so neither always follows the other's aftermath.
    const order = round % 2 === 0 ? [0, BACKGROUND] : [BACKGROUND, 0];
    for (const background of order) (background ? togetherRuns : aloneRuns).push((await run({ background, visible: true })).visible);
  }
  const alone = pooled(aloneRuns);
  const together = pooled(togetherRuns);
  const peak = await run({ background: BACKGROUND, visible: true, weigh: true });
  const backgroundOnly = await run({ background: BACKGROUND, visible: false, weigh: true });

  const ratio = together.p95 / alone.p95;
  const textBytes = (n: number) => n * replyChars * HOLD_AT;
  const mainBound = textBytes(BACKGROUND + 1) + MB;
  const rendererBound = textBytes(BACKGROUND) + MB;
  const figures: Figure[] = [
    { name: 'visible frame p50, with 7 in background', value: together.p50, unit: 'ms', baseline: alone.p50 },
    { name: 'visible frame p95, alone', value: alone.p95, unit: 'ms' },
    { name: `visible frame p95, with ${BACKGROUND} in background`, value: together.p95, unit: 'ms', baseline: alone.p95 },
    { name: 'visible frame p95 ratio (together / alone)', value: ratio, unit: '×', target: '≤ 1.3', pass: ratio <= 1.3 },
    { name: `visible frames measured (${ROUNDS} runs each), together`, value: together.frames, unit: 'frames', baseline: alone.frames },
    // The provider and main share the machine: with eight replies they may deliver each one slower.
    { name: 'visible reply delivered, together', value: together.tokensPerSec, unit: 'tok/s', baseline: alone.tokensPerSec, target: '2000 each' },
    { name: `main heap growth at peak, ${BACKGROUND + 1} replies`, value: peak.mainGrowth / MB, unit: 'MB', target: `≤ ${(mainBound / MB).toFixed(2)} (text + 1 MB)`, pass: peak.mainGrowth <= mainBound },
    { name: `renderer heap growth, ${BACKGROUND} background replies only`, value: backgroundOnly.rendererGrowth / MB, unit: 'MB', target: `≤ ${(rendererBound / MB).toFixed(2)} (text + 1 MB)`, pass: backgroundOnly.rendererGrowth <= rendererBound },
    { name: `DOM nodes added by ${BACKGROUND} background replies`, value: backgroundOnly.domGrowth, unit: 'nodes', target: '0', pass: backgroundOnly.domGrowth === 0 },
    { name: 'renderer heap growth at peak, 1 visible + 7 background', value: peak.rendererGrowth / MB, unit: 'MB' },
    { name: 'reply text received per reply at peak', value: textBytes(1) / 1024, unit: 'KB' },
  ];
  report('concurrent', figures, {
    seconds: Math.round((performance.now() - started) / 1000),
    load: { before: loadBefore, after: loadavg() },
    note: 'Frame times and heap are measured on a shared machine; compare the ratio, measured in one run.',
  });
} finally {
  await browser.close();
  await host.close();
  provider.process.kill();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Frame times pooled over runs, and the rate the visible reply really streamed at. */
function pooled(runs: VisibleFrames[]) {
  const frames = runs.flatMap((r) => r.frames);
  const chars = runs.reduce((sum, r) => sum + r.chars, 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return { p50: percentile(frames, 50), p95: percentile(frames, 95), frames: frames.length, tokensPerSec: chars / 4 / seconds };
}

interface RunResult {
  visible: VisibleFrames;
  mainGrowth: number;
  rendererGrowth: number;
  domGrowth: number;
}

/** Starts `background` replies in their own conversations, then (if `visible`) one on screen. */
async function run(options: { background: number; visible: boolean; weigh?: boolean }): Promise<RunResult> {
  const total = options.background + (options.visible ? 1 : 0);
  const runId = ++runs;
  provider.send(`run ${total}`);
  for (let i = 0; i < total; i++) {
    const title = i < options.background ? `Background ${runId}.${i + 1}` : `Visible ${runId}`;
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill(title);
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await provider.requests(++requestsSent);
    // The sidebar has the conversation (titled) before the user leaves it.
    await page.getByRole('button', { name: title, exact: true }).waitFor();
  }
  if (!options.visible) await page.getByRole('button', { name: 'New chat' }).click();

  const before = options.weigh ? await weigh() : null;
  const frames = options.visible ? recordVisibleFrames(page) : Promise.resolve({ frames: [], seconds: 0, chars: 0 });
  const held = provider.held((heldSoFar += total));
  provider.send('go');
  let after: Awaited<ReturnType<typeof weigh>> | null = null;
  if (options.weigh) {
    await held;
    after = await weigh();
  }
  provider.send('finish');
  const visible = await frames;
  // Every reply has ended when no conversation is marked as replying any more.
  while ((await page.locator('.reply-mark.streaming').count()) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    visible,
    mainGrowth: before && after ? after.main - before.main : 0,
    rendererGrowth: before && after ? after.renderer - before.renderer : 0,
    domGrowth: before && after ? after.dom - before.dom : 0,
  };
}

async function weigh(): Promise<{ main: number; renderer: number; dom: number }> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
  return { main: process.memoryUsage().heapUsed, renderer: usedSize, dom };
}

interface VisibleFrames {
  frames: number[];
  seconds: number;
  chars: number;
}

function recordVisibleFrames(target: Page): Promise<VisibleFrames> {
  return recordReplyFrames(target);
}

interface Provider {
  baseURL: string;
  process: ChildProcess;
  send(line: string): void;
  /** Resolves once `count` generation requests have arrived, in all. */
  requests(count: number): Promise<void>;
  /** Resolves once `count` replies, in all, reached the hold point. */
  held(count: number): Promise<void>;
}

async function startProvider(): Promise<Provider> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'concurrent/provider.ts'), FIXTURE], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  // Lines are counted as they come, so none is missed by a waiter registered late.
  const counts = { request: 0, held: 0 };
  let baseURL = '';
  const waiters = new Set<() => void>();
  lines.on('line', (line) => {
    if (line.startsWith('url ')) baseURL = line.slice(4);
    else if (line.startsWith('request ')) counts.request += 1;
    else if (line === 'held') counts.held += 1;
    for (const wake of waiters) wake();
  });
  const until = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!test()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  await until(() => baseURL !== '');
  return {
    baseURL,
    process: child,
    send: (line) => child.stdin!.write(`${line}\n`),
    requests: (count) => until(() => counts.request >= count),
    held: (count) => until(() => counts.held >= count),
  };
}
