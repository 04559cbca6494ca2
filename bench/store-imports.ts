// Hostile imports for `npm run bench:store` (or alone: `node bench/store-imports.ts`): many tiny
// conversations and one long chain, each at 1×, 2× and 4× the size (time and memory must grow
// linearly: twice the input at most 2.3× the time; the faster of two runs), and a 100 MB file. Each case runs in a fresh
// child process (time, peak memory, the longest the event loop was blocked while writing), for
// the app's sliced import and, as the same-run baseline, the single-transaction import.
// Writes bench/results/store-imports.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../src/main/store/import/index.ts';
import { importInSlices } from '../src/main/store/import/sliced.ts';
import { openStore } from '../src/main/store/store.ts';
import { bigChatGpt, deepChainChatGpt, manyTinyChatGpt } from '../test/support/store/hostile-files.ts';
import { report, type Figure } from './support/report.ts';

const CASES = {
  tiny_11k: () => manyTinyChatGpt(11_250),
  tiny_22k: () => manyTinyChatGpt(22_500),
  tiny_45k: () => manyTinyChatGpt(45_000),
  deep_chain_5k: () => deepChainChatGpt(5_000),
  deep_chain_10k: () => deepChainChatGpt(10_000),
  deep_chain_20k: () => deepChainChatGpt(20_000),
  file_100mb: () => bigChatGpt(100, 1_000_000),
} as const;
/** Each series doubles its input twice. */
const SERIES: Record<string, Case[]> = { tiny: ['tiny_11k', 'tiny_22k', 'tiny_45k'], deep_chain: ['deep_chain_5k', 'deep_chain_10k', 'deep_chain_20k'] };
/** Twice the input may take at most this many times as long. */
const LINEAR = 2.3;
type Case = keyof typeof CASES;

interface Run {
  seconds: number;
  peakMB: number;
  fileMB: number;
  /** Longest event-loop stall during the import: what a reply or a click waits at worst. */
  maxStallMs: number;
}

/** In the child: one import of one case, printed as JSON. */
async function runCase(name: Case, how: 'sliced' | 'single'): Promise<void> {
  const text = CASES[name]();
  const dir = mkdtempSync(join(tmpdir(), 'plume-bench-import-'));
  const store = openStore(join(dir, 'plume.db'));
  // Gaps between ticks of a 1 ms timer from the start: reading and checking the file (on a worker
  // thread) and every written slice.
  let maxStallMs = 0;
  const started = performance.now();
  let last = started;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxStallMs = Math.max(maxStallMs, now - last);
    last = now;
  }, 1);
  if (how === 'sliced') await importInSlices(store, text);
  else importFile(store, text);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  store.close();
  rmSync(dir, { recursive: true, force: true });
  const run: Run = { seconds, peakMB: process.resourceUsage().maxRSS / 1024, fileMB: Buffer.byteLength(text) / 1e6, maxStallMs: how === 'single' ? seconds * 1000 : maxStallMs };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

function measure(name: Case, how: 'sliced' | 'single'): Run {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', name, how], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${name} (${how}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Run;
}

export function benchHostileImports(): void {
  const figures: Figure[] = [];
  const runs: Record<string, { sliced: Run; single: Run }> = {};
  for (const name of Object.keys(CASES) as Case[]) {
    process.stderr.write(`import ${name}…\n`);
    // The cases of a linearity series run twice and keep the faster run: on a shared machine one
    // run's time moves with the load, and a ratio of two single runs measured the load.
    const inSeries = Object.values(SERIES).some((cases) => cases.includes(name));
    const sliced = inSeries ? [measure(name, 'sliced'), measure(name, 'sliced')].sort((a, b) => a.seconds - b.seconds)[0]! : measure(name, 'sliced');
    const single = measure(name, 'single');
    runs[name] = { sliced, single };
    figures.push(
      { name: `${name}_seconds (${sliced.fileMB.toFixed(1)} MB)`, value: sliced.seconds, unit: 's', baseline: single.seconds },
      { name: `${name}_peak_memory`, value: sliced.peakMB, unit: 'MB', baseline: single.peakMB, target: `< ${Math.round(300 + 12 * sliced.fileMB)}`, pass: sliced.peakMB < 300 + 12 * sliced.fileMB },
      { name: `${name}_longest_stall`, value: sliced.maxStallMs, unit: 'ms', baseline: single.maxStallMs, target: '< 250', pass: sliced.maxStallMs < 250 },
    );
  }
  for (const [series, [one, two, four]] of Object.entries(SERIES)) {
    for (const [from, to] of [[one, two], [two, four]] as Array<[Case, Case]>) {
      const ratio = runs[to]!.sliced.seconds / runs[from]!.sliced.seconds;
      const memory = runs[to]!.sliced.peakMB / runs[from]!.sliced.peakMB;
      figures.push(
        { name: `${series}_time_${to}_vs_${from}`, value: ratio, unit: '×', target: `≤ ${LINEAR} (linear: 2)`, pass: ratio <= LINEAR, baseline: runs[to]!.single.seconds / runs[from]!.single.seconds },
        { name: `${series}_memory_${to}_vs_${from}`, value: memory, unit: '×', target: `≤ ${LINEAR}`, pass: memory <= LINEAR, baseline: runs[to]!.single.peakMB / runs[from]!.single.peakMB },
      );
    }
  }
  report('store-imports', figures, { note: 'baseline = the single-transaction import (importFile) on the same file, same run; stall of the baseline = its whole duration' });
}

const at = process.argv.indexOf('--case');
if (at >= 0) await runCase(process.argv[at + 1] as Case, process.argv[at + 2] as 'sliced' | 'single');
else if (process.argv[1] === fileURLToPath(import.meta.url)) benchHostileImports();
