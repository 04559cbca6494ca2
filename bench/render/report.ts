// Turns the raw per-run figures into the printed tables and the JSON file.

export interface Row {
  label: string;
  fixture: string;
  rate: number | 'bursty';
  memo: Record<string, number>;
  naive: Record<string, number>;
}

interface Check {
  metric: string;
  value: number;
  naive: number | null;
  target: string;
  pass: boolean;
}

const HEADLINE = 'mixed-50k @ 2000 tok/s';
const HALF = 'mixed-25k @ 2000 tok/s';

export function report(rows: Row[]): { table: string; json: unknown } {
  const head = rows.find((r) => r.label === HEADLINE);
  const half = rows.find((r) => r.label === HALF);
  const checks: Check[] = [];
  if (head) {
    const m = head.memo;
    const n = head.naive;
    const v = (k: string): number => m[k] ?? NaN;
    const w = (k: string): number => n[k] ?? NaN;
    const add = (metric: string, value: number, naive: number | null, target: string, pass: boolean): void => {
      checks.push({ metric, value, naive, target, pass });
    };
    add('frame p95 (ms)', v('p95'), w('p95'), '< 3', v('p95') < 3);
    add('frame p99 (ms)', v('p99'), w('p99'), '< 6', v('p99') < 6);
    add('long tasks > 50 ms', v('longTasks'), w('longTasks'), '0', v('longTasks') === 0);
    add('store commits per frame (max)', v('maxStoreCommitsPerFrame'), w('maxStoreCommitsPerFrame'), '<= 1', v('maxStoreCommitsPerFrame') <= 1);
    add('all commits per frame (max, info)', v('maxCommitsPerFrame'), w('maxCommitsPerFrame'), '-', true);
    add('block renders per commit (max)', v('maxBlockRendersPerCommit'), w('maxBlockRendersPerCommit'), '<= 2', v('maxBlockRendersPerCommit') <= 2);
    add('chars parsed over tail, p95', v('parsedOverTailP95'), w('parsedOverTailP95'), '<= 1024', v('parsedOverTailP95') <= 1024);
    add('chars parsed over tail, max', v('parsedOverTailMax'), w('parsedOverTailMax'), '<= 1024', v('parsedOverTailMax') <= 1024);
    add('delta-to-paint p95 (ms)', v('latencyP95'), w('latencyP95'), '< 20', v('latencyP95') < 20);
    if (half) {
      const ratio = v('cpuMs') / (half.memo.cpuMs ?? NaN);
      const naiveRatio = w('cpuMs') / (half.naive.cpuMs ?? NaN);
      add('CPU 50k / CPU 25k (2x answer)', ratio, naiveRatio, '<= 2.2', ratio <= 2.2);
    }
    add('naive CPU / memo CPU', w('cpuMs') / v('cpuMs'), null, '>= 10', w('cpuMs') / v('cpuMs') >= 10);
    add('heap retained after unmount (KB)', v('retainedBytes') / 1024, w('retainedBytes') / 1024, '< 1024', v('retainedBytes') < 1024 * 1024);
  }

  const lines: string[] = [];
  lines.push(`Targets (${HEADLINE})`);
  lines.push(pad(['metric', 'memoized', 'naive', 'target', 'ok'], [36, 11, 11, 9, 4]));
  for (const c of checks) {
    lines.push(pad([c.metric, fmt(c.value), c.naive === null ? '-' : fmt(c.naive), c.target, c.pass ? 'yes' : 'MISS'], [36, 11, 11, 9, 4]));
  }
  lines.push('');
  lines.push('All scenarios (memoized | naive); frame = script + style + layout per published frame');
  const widths = [27, 7, 7, 7, 5, 7, 8, 8, 8, 8, 9, 9, 7];
  lines.push(pad(['scenario', 'p50', 'p95', 'p99', 'long', 'rend/c', 'over-tl', 'lat p95', 'cpu ms', 'heap KB', 'naive p95', 'naive cpu', 'x less'], widths));
  for (const r of rows) {
    const m = r.memo;
    lines.push(
      pad(
        [
          r.label,
          fmt(m.p50),
          fmt(m.p95),
          fmt(m.p99),
          fmt(m.longTasks),
          fmt(m.maxBlockRendersPerCommit),
          fmt(m.parsedOverTailMax),
          fmt(m.latencyP95),
          fmt(m.cpuMs),
          fmt((m.retainedBytes ?? 0) / 1024),
          fmt(r.naive.p95),
          fmt(r.naive.cpuMs),
          fmt((r.naive.cpuMs ?? 0) / (m.cpuMs ?? 1)),
        ],
        widths,
      ),
    );
  }
  return {
    table: lines.join('\n'),
    json: { generatedAt: new Date().toISOString(), headline: HEADLINE, checks, scenarios: rows },
  };
}

function fmt(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return 'n/a';
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2);
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 10) : c.padStart(widths[i] ?? 8))).join(' ');
}
