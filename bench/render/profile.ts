// Profiling aid for the render bench, not part of the measured run (Node 24):
//   node bench/render/profile.ts [fixture] [memo|naive]
// Runs lockstep streams (idle page, then the mode, twice) and prints CPU, frame figures by kind of
// frame, then a sampled JS profile. NOPROFILE=1 skips the profile; TRACE=1 adds main-thread time
// by trace event (script, style, layout, paint...); CSS='...' injects a stylesheet to try; INCL
// and UNDER name functions to total. KEEP=1 keeps the unminified build for reading line numbers.
// A peer's name as the mode (streamdown, streamdown+code+math, incremark) profiles that peer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPage, launch, serve } from './serve.ts';
import type { Mode } from './page/App.tsx';

class Done extends Error {}
const fixture = process.argv[2] ?? 'mixed-50k';
const mode = (process.argv[3] ?? 'memo') as Mode;
const peer = mode !== 'memo' && mode !== 'naive';
const dir = await mkdtemp(join(tmpdir(), 'plume-render-profile-'));
await buildPage(dir, false, peer);
const server = await serve(dir, peer ? 'peers.html' : 'index.html');
const browser = await launch();
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await page.goto(server.url);
  await page.waitForFunction(() => 'harness' in window);
  await page.evaluate((m) => window.harness.run({ fixture: 'mixed-10k', rate: 20000, mode: m }), mode);
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  await cdp.send('Performance.enable');
  const task = async (): Promise<number> =>
    ((await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  for (const m of ['idle', mode, 'idle', mode] as const) {
    const t0 = await task();
    const r = (await page.evaluate(([f, mm]) => window.harness.run({ fixture: f, rate: 2000, mode: mm, lockstep: true, debug: true }), [fixture, m] as const)) as Record<string, number> & { all: Array<Record<string, number>> };
    if (m !== 'idle') {
      // Mean script and layout by tail length, and for frames that promoted a block.
      const buckets = new Map<string, number[][]>();
      for (const f of r.all) {
        const b = (f.blockRenders ?? 0) > 1 ? 'promote' : `tail<${[100, 200, 400, 800, 1e9].find((x) => (f.tail ?? 0) < x)}`;
        buckets.set(b, [...(buckets.get(b) ?? []), [f.script ?? 0, f.layout ?? 0]]);
      }
      // The slowest frames, with their index: p95 and p99 of a short input are its worst few.
      const worst = r.all.map((f, i): Record<string, number> => ({ ...f, i })).sort((a, b) => (b.script ?? 0) + (b.layout ?? 0) - (a.script ?? 0) - (a.layout ?? 0));
      console.log('  worst', JSON.stringify(worst.slice(0, 4)));
      for (const [b, xs] of [...buckets].sort()) {
        const avg = (i: number): string => (xs.reduce((a, x) => a + (x[i] ?? 0), 0) / xs.length).toFixed(2);
        console.log(`  ${b.padEnd(10)} n=${String(xs.length).padStart(4)} script ${avg(0)} layout ${avg(1)}`);
      }
    }
    console.log(m, 'TaskDuration ms', (((await task()) - t0) * 1000).toFixed(0), 'frames', r.frames, 'p50', r.p50, 'p95', r.p95, 'layoutP95', r.layoutP95);
  }
  if (process.env.TRACE) {
    // Main-thread time by trace event (top-level slices only), to split script/style/layout/paint.
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    await page.evaluate(([f, mm]) => window.harness.run({ fixture: f, rate: 2000, mode: mm, lockstep: true }), [fixture, mode] as const);
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const sums = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || e.tid !== main?.tid || e.pid !== main?.pid) continue;
      sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0));
    }
    for (const [k, us] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((us / 1000).toFixed(1).padStart(8), k);
  }
  if (process.env.NOPROFILE) throw new Done();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(([f, m]) => window.harness.run({ fixture: f, rate: 2000, mode: m, lockstep: true }), [fixture, mode] as const);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map<number, number>();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  for (const [id, us] of dt) {
    const n = byId.get(id);
    if (!n) continue;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
    if (f.functionName !== '(idle)' && f.functionName !== '(program)') total += us;
  }
  console.log(`total non-idle ${(total / 1000).toFixed(0)} ms`);
  // Inclusive time of chosen functions (counted once per sample even when recursive).
  const parent = new Map<number, number>();
  for (const n of profile.nodes as Array<{ id: number; children?: number[] }>) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, us] of dt) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)?.callFrame.functionName ?? '';
      if (!seen.has(name)) {
        seen.add(name);
        incl.set(name, (incl.get(name) ?? 0) + us);
      }
    }
  }
  if (process.env.UNDER) {
    // Self time of functions called (at any depth) under the named function.
    const under = new Map<string, number>();
    for (const [id, us] of dt) {
      let inside = false;
      for (let cur = parent.get(id); cur !== undefined; cur = parent.get(cur)) if (byId.get(cur)?.callFrame.functionName === process.env.UNDER) inside = true;
      if (!inside) continue;
      const f = byId.get(id)?.callFrame;
      const key = `${f?.functionName || '(anon)'} ${f?.url.split('/').pop()}:${f?.lineNumber}`;
      under.set(key, (under.get(key) ?? 0) + us);
    }
    for (const [k, us] of [...under].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log('under', (us / 1000).toFixed(1).padStart(8), k);
  }
  for (const name of (process.env.INCL ?? 'Markdown,MarkdownMessage,splitMarkdown,repairTail,fromMarkdown,toJsxRuntime,runSync,commitRoot,performWorkOnRoot,flushSync,Block,HighlightedCode,tableChunks,fencedCodeOnly,createProcessor,post').split(',')) {
    console.log('incl', ((incl.get(name) ?? 0) / 1000).toFixed(1).padStart(8), name);
  }
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((us / 1000).toFixed(1).padStart(8), k);
} catch (e) {
  if (!(e instanceof Done)) throw e;
} finally {
  await browser.close();
  await server.close();
  if (!process.env.KEEP) await rm(dir, { recursive: true, force: true });
  else console.log(dir);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

interface Profile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}
