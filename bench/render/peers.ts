// Plume against its peers on the same updates: every renderer is handed exactly one frame of
// tokens per animation frame (lockstep), so all of them render the same sequence of texts. Each
// repetition measures an idle page too, subtracted from every renderer's CPU of that repetition,
// and the figures are medians over repetitions (the machine may be shared).
import type { Page } from 'playwright';
import type { Mode, PeerName } from './page/App.tsx';
import type { RunConfig } from './page/replay.ts';
import { fmt, pad } from './report.ts';

type Figures = Record<string, number>;
type Measure = (page: Page, config: RunConfig & { mode: Mode }) => Promise<Figures>;

export const PEERS: PeerName[] = ['streamdown', 'streamdown+code+math', 'incremark'];
/** Plume, then everything it is compared with: the naive react-markdown and the peers. */
const RENDERERS: Mode[] = ['memo', 'naive', ...PEERS];
/** The bench's fixtures (but the 200k line, which react-markdown-based peers need minutes for), a 20 KB code block and a 40-row table. */
export const PEER_FIXTURES = ['mixed-2k', 'mixed-25k', 'mixed-50k', 'mixed-60k', 'code-20k', 'table-40-rows', 'table-60-rows', 'unclosed-fence-30k', 'refs-at-end'];
/** Where what each renderer shows is inspected frame by frame (untimed run). */
export const INSPECT_FIXTURE = 'mixed-10k';
const RATE = 2000;

export interface PeerRow {
  fixture: string;
  /** Per renderer, the median over repetitions. */
  median: Partial<Record<Mode, Figures>>;
  reps: number;
}

export interface Shows {
  mode: Mode;
  figures: Figures;
}

/** Every language and construct the fixtures use, so lazy grammars and KaTeX load before timing. */
const WARM_UP = '```ts\nconst a = 1;\n```\n\n```python\nx = 1\n```\n\n```bash\necho hi\n```\n\n$$\nx^2\n$$\n\nInline $x_1^2$.\n';

export async function comparePeers(page: Page, measure: Measure, fixtures: string[], reps: number, log: (line: string) => void): Promise<PeerRow[]> {
  // Every renderer, Plume too: the first input is otherwise timed with cold code for some of them.
  for (const mode of RENDERERS) {
    await page.evaluate(([text, m]) => window.harness.renderSettled(text, m), [WARM_UP, mode] as const);
    await page.evaluate((m) => window.harness.run({ fixture: 'mixed-2k', rate: 20000, mode: m }), mode);
  }
  const rows: PeerRow[] = [];
  for (const fixture of fixtures) {
    const runs: Partial<Record<Mode, Figures[]>> = {};
    for (let rep = 0; rep < reps; rep++) {
      const idle = await measure(page, { fixture, rate: RATE, mode: 'idle', lockstep: true });
      // A different order each repetition, so drifting load does not always favour the same one.
      const order = RENDERERS.map((_, i) => RENDERERS[(i + rep) % RENDERERS.length] as Mode);
      for (const mode of order) {
        const f = await measure(page, { fixture, rate: RATE, mode, lockstep: true });
        (runs[mode] ??= []).push({ ...f, work: (f.cpuMs ?? NaN) - (idle.cpuMs ?? NaN) });
      }
    }
    const median: PeerRow['median'] = {};
    for (const mode of RENDERERS) median[mode] = medianOf(runs[mode] ?? []);
    rows.push({ fixture, median, reps });
    log(`${fixture}: ` + RENDERERS.map((m) => `${m} ${fmt(median[m]?.work)} ms`).join(', '));
  }
  return rows;
}

export async function inspectShows(page: Page, measure: Measure): Promise<Shows[]> {
  const out: Shows[] = [];
  for (const mode of RENDERERS) out.push({ mode, figures: await measure(page, { fixture: INSPECT_FIXTURE, rate: RATE, mode, lockstep: true, inspect: true }) });
  return out;
}

export interface PeerCheck {
  fixture: string;
  metric: string;
  plume: number;
  bestPeer: number;
  bestPeerName: string;
  ratio: number;
  target: string;
  pass: boolean;
}

const METRICS: Array<{ key: string; label: string; max: number | null; frame?: boolean }> = [
  { key: 'work', label: 'CPU ms (idle subtracted)', max: 0.67 },
  { key: 'p95', label: 'frame p95 ms', max: 0.8, frame: true },
  { key: 'p99', label: 'frame p99 ms', max: 0.8, frame: true },
  { key: 'finalPaintMs', label: 'final paint ms', max: null },
  { key: 'finalPaintFrames', label: 'final paint frames', max: 1 },
];

/**
 * A frame figure times the publish (the store's commit, then style and layout). A renderer whose
 * publish changes the DOM in fewer than half the frames renders its updates in a later task
 * (incremark re-renders from a state update its effect makes), outside the figure: its frame
 * figures are shown but not compared.
 */
const RENDERS_IN_FRAME = 0.5;
const rendersInFrame = (f: Figures | undefined): boolean => (f?.domChangesInFrame ?? 1) >= RENDERS_IN_FRAME;

export function peerReport(rows: PeerRow[], shows: Shows[]): { lines: string[]; checks: PeerCheck[] } {
  const lines: string[] = [];
  const checks: PeerCheck[] = [];
  const widths = [22, 10, 10, 10, 10, 10, 10];
  lines.push(`Against the peers, same updates (lockstep, ${RATE} tok/s, one frame of tokens per frame), medians of ${rows[0]?.reps ?? 0} repetitions`);
  lines.push('(best peer = the lowest of naive react-markdown, Streamdown, Streamdown+code+math, incremark on that input;');
  lines.push(' final paint = from the frame that publishes the last delta, which also ends the reply (the app\'s end');
  lines.push(' message carries the last text, or follows it within ms), to the paint after the last change to the DOM,');
  lines.push(' in ms and in display frames (1 = on screen in the frame that brought the last delta); the target is');
  lines.push(' read in frames, what a reader sees: where a reply ends in an open fence, naive (Plume\'s own');
  lines.push(' components, so the same highlighting worker) and Plume ask the worker for the last lines as the');
  lines.push(' reply ends and show its answer in the next frame;');
  lines.push(' * = in most frames its publish changed nothing: it renders each update in a later task, which its');
  lines.push(' frame figures do not time, so they are shown but left out of the frame p95/p99 comparison; its CPU,');
  lines.push(' which counts that task, is compared)');
  for (const row of rows) {
    lines.push('');
    lines.push(pad([row.fixture, ...RENDERERS.map(short)], widths));
    for (const { key, label, frame } of [...METRICS, { key: 'longTasks', label: 'long tasks > 50 ms' }]) {
      const cell = (m: Mode): string => fmt(row.median[m]?.[key]) + (frame && !rendersInFrame(row.median[m]) ? '*' : '');
      lines.push(pad([label.slice(0, 22), ...RENDERERS.map(cell)], widths));
    }
    lines.push(pad(['renders in the frame', ...RENDERERS.map((m) => `${Math.round((row.median[m]?.domChangesInFrame ?? NaN) * 100)}%`)], widths));
    for (const { key, label, max, frame } of METRICS) {
      if (max === null) continue;
      const plume = row.median.memo?.[key] ?? NaN;
      let best = Infinity;
      let bestName = '';
      for (const m of RENDERERS) {
        if (m === 'memo' || (frame && !rendersInFrame(row.median[m]))) continue;
        const v = row.median[m]?.[key] ?? NaN;
        if (v < best) [best, bestName] = [v, m];
      }
      const ratio = plume / best;
      const target = max === 1 ? '<= best' : `<= ${max}x`;
      checks.push({ fixture: row.fixture, metric: label, plume, bestPeer: best, bestPeerName: bestName, ratio, target, pass: ratio <= max });
    }
    const long = row.median.memo?.longTasks ?? NaN;
    checks.push({ fixture: row.fixture, metric: 'long tasks > 50 ms', plume: long, bestPeer: NaN, bestPeerName: '-', ratio: NaN, target: '0', pass: long === 0 });
  }
  lines.push('');
  lines.push('Plume / best peer per input');
  const cw = [22, 30, 9, 9, 20, 8, 9, 4];
  lines.push(pad(['input', 'metric', 'plume', 'best', 'best peer', 'ratio', 'target', 'ok'], cw));
  for (const c of checks) {
    lines.push(pad([c.fixture, c.metric, fmt(c.plume), fmt(c.bestPeer), c.bestPeerName, fmt(c.ratio), c.target, c.pass ? 'yes' : 'MISS'], cw));
  }
  if (shows.length > 0) {
    lines.push('');
    lines.push(`What each renderer shows (${INSPECT_FIXTURE}, every frame inspected; raw = markdown syntax visible outside code)`);
    const sw = [22, 12, 10, 8, 9, 9, 9, 9];
    lines.push(pad(['renderer', 'hl. tokens', 'formulas', 'frames', 'raw **', 'raw ```', 'raw |--|', 'raw $$'], sw));
    for (const { mode, figures: f } of shows) {
      lines.push(
        pad(
          [mode === 'memo' ? 'plume' : mode, fmt(f.highlightedTokens), fmt(f.typesetFormulas), fmt(f.inspectedFrames), fmt(f.rawBoldFrames), fmt(f.rawFenceFrames), fmt(f.rawTableFrames), fmt(f.rawDisplayMathFrames)],
          sw,
        ),
      );
    }
  }
  return { lines, checks };
}

function short(mode: Mode): string {
  return mode === 'memo' ? 'plume' : mode === 'streamdown+code+math' ? 'sd+plugins' : mode;
}

function medianOf(runs: Figures[]): Figures {
  const out: Figures = {};
  const keys = new Set(runs.flatMap((r) => Object.keys(r).filter((k) => typeof r[k] === 'number')));
  for (const k of keys) {
    const values = runs.map((r) => r[k] ?? NaN).sort((a, b) => a - b);
    out[k] = values.length % 2 ? (values[values.length >> 1] ?? NaN) : ((values[values.length / 2 - 1] ?? NaN) + (values[values.length / 2] ?? NaN)) / 2;
  }
  return out;
}
