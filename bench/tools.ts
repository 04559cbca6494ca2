// npm run bench:tools — the partial-JSON parse behind the progressive tool-argument view.
// A 1 MB argument arrives in N deltas; after every delta the window wants the value so far.
// Plume's resumable parser is timed against the AI SDK pattern measured in the same run:
// close the accumulated text (fixJson-style scan) and JSON.parse it again after every delta.
//
// The re-parse baseline is quadratic (at 40,000 deltas it would parse ~20 GB), so at the larger
// delta counts it is timed on every k-th delta only and scaled by k; the table says which.
// Times are CPU time of this process (user + system), best of several runs after a warm-up, so
// other work on a shared machine distorts them less than wall-clock time would.
import { PartialJsonParser } from '../src/shared/partial-json.ts';
import { buildArgument } from './support/tool-argument.ts';
import { report, type Figure } from './support/report.ts';

function cut(text: string, deltas: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < deltas; i++) pieces.push(text.slice(Math.floor((i * text.length) / deltas), Math.floor(((i + 1) * text.length) / deltas)));
  return pieces;
}

/** The incremental parser: one push per delta, the value read each time. */
function incremental(pieces: string[]): number {
  const t0 = cpuMs();
  const parser = new PartialJsonParser();
  let seen = 0;
  for (const piece of pieces) {
    parser.push(piece);
    if (parser.value !== undefined) seen++;
  }
  parser.end();
  if (parser.error || seen === 0) throw new Error(`incremental parse failed: ${parser.error}`);
  return cpuMs() - t0;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The AI SDK pattern: scan the whole text, close what is open, JSON.parse, on every delta. */
function closeAndParse(text: string): unknown {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  let lastSafe = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123) stack.push('}');
    else if (c === 91) stack.push(']');
    else if (c === 125 || c === 93) stack.pop();
    else if (c === 44) lastSafe = i;
  }
  let fixed = inString ? (escaped ? text.slice(0, -1) : text) + '"' : text;
  fixed += stack.reverse().join('');
  try {
    return JSON.parse(fixed);
  } catch {
    // what the SDK does next: retry from the last comma that closed a whole member
    try {
      return JSON.parse(text.slice(0, lastSafe) + stack.join(''));
    } catch {
      return undefined;
    }
  }
}

function reparse(pieces: string[], stride: number): number {
  let text = '';
  let timed = 0;
  for (let i = 0; i < pieces.length; i++) {
    text += pieces[i];
    if (i % stride !== stride - 1 && i !== pieces.length - 1) continue;
    const t0 = cpuMs();
    closeAndParse(text);
    timed += cpuMs() - t0;
  }
  return timed * stride;
}

const best = (runs: number, f: () => number) => Math.min(...Array.from({ length: runs }, f));

const argument = buildArgument(1 << 20, 12);
console.log(`argument: ${(argument.length / 1024).toFixed(0)} KB of JSON`);

const counts = [4_000, 8_000, 16_000, 32_000, 40_000];
const pieces = new Map(counts.map((n) => [n, cut(argument, n)]));
best(3, () => incremental(pieces.get(40_000) as string[])); // warm-up: let the JIT settle
const incrementalMs = new Map(counts.map((n) => [n, best(7, () => incremental(pieces.get(n) as string[]))]));
/** 400 timed re-parses per run, evenly spread (the cost grows with the text, so spread matters). */
const reparseStride = (n: number) => n / 400;
const reparseMs = new Map([4_000, 40_000].map((n) => [n, reparse(pieces.get(n) as string[], reparseStride(n))]));

const growth = Math.max(...counts.slice(0, -1).filter((n) => counts.includes(n * 2)).map((n) => (incrementalMs.get(n * 2) as number) / (incrementalMs.get(n) as number)));
const at = (map: Map<number, number>, n: number) => map.get(n) as number;

const figures: Figure[] = [
  { name: '1 MB in 4,000 deltas: incremental', value: at(incrementalMs, 4_000), unit: 'ms', baseline: at(reparseMs, 4_000) },
  { name: '1 MB in 40,000 deltas: incremental', value: at(incrementalMs, 40_000), unit: 'ms', baseline: at(reparseMs, 40_000) },
  { name: 'speed-up at 4,000 deltas (baseline sampled 1/10)', value: at(reparseMs, 4_000) / at(incrementalMs, 4_000), unit: '×' },
  { name: 'speed-up at 40,000 deltas (baseline sampled 1/100)', value: at(reparseMs, 40_000) / at(incrementalMs, 40_000), unit: '×', target: '≥ 50', pass: at(reparseMs, 40_000) / at(incrementalMs, 40_000) >= 50 },
  { name: 'growth per 2× deltas (4k→8k→16k→32k)', value: growth, unit: '×', target: '≤ 1.2', pass: growth <= 1.2 },
];
report('tools', figures, { argumentBytes: argument.length, incrementalMsByDeltas: Object.fromEntries(incrementalMs) });
