// Shared output for benches: a table on stdout and named figures in bench/results/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≥ 20000". */
  target?: string;
  /** Whether the target is met; undefined when the figure has no target. */
  pass?: boolean;
  baseline?: number;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function report(benchName: string, figures: Figure[], extra: Record<string, unknown> = {}): void {
  const rows = figures.map((f) => ({
    figure: f.name,
    value: `${round(f.value)} ${f.unit}`,
    baseline: f.baseline === undefined ? '' : `${round(f.baseline)} ${f.unit}`,
    target: f.target ?? '',
    met: f.pass === undefined ? '' : f.pass ? 'yes' : 'NO',
  }));
  const widths = Object.keys(rows[0] ?? {}).map((key) =>
    Math.max(key.length, ...rows.map((r) => String(r[key as keyof typeof r]).length)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${benchName}\n`);
  console.log(line(['figure', 'value', 'baseline', 'target', 'met']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line([r.figure, r.value, r.baseline, r.target, r.met]));

  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = join(root, 'results', `${benchName}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const json = {
    bench: benchName,
    measuredAt: new Date().toISOString(),
    node: process.version,
    figures: Object.fromEntries(figures.map((f) => [f.name, { value: round(f.value), unit: f.unit, target: f.target, pass: f.pass, baseline: f.baseline === undefined ? undefined : round(f.baseline) }])),
    ...extra,
  };
  writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
