// Main-thread CPU of each task, from a Chromium trace. On a shared machine a task's wall time
// (what PerformanceObserver and performance.now() see) includes the time the OS ran other
// processes: a 4 ms idle slice measured 228 ms of wall time at load 14 on two cores. The trace's
// thread time (tdur) says what the page itself spent, so slices are judged on both.
import type { CDPSession } from 'playwright';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface ThreadTimes {
  /** Longest idle-callback task (the highlight slices), in thread CPU ms. */
  maxIdleTaskCpuMs: number;
  /** Tasks whose thread CPU exceeded 50 ms, and the longest task's thread CPU. */
  longTasksCpu: number;
  longestTaskCpuMs: number;
}

export async function withThreadTimes<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; times: ThreadTimes }> {
  const events: TraceEvent[] = [];
  const collect = (d: { value: unknown[] }): void => void events.push(...(d.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await run();
  } finally {
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
  }
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.ph === 'X' && e.tid === main?.tid && e.pid === main?.pid);
  const idle = mine.filter((e) => e.name === 'FireIdleCallback');
  const tasks = mine.filter((e) => e.name === 'RunTask');
  const cpu = (e: TraceEvent): number => (e.tdur ?? e.dur ?? 0) / 1000;
  const holdsIdle = (t: TraceEvent): boolean => idle.some((i) => i.ts >= t.ts && i.ts < t.ts + (t.dur ?? 0));
  return {
    result,
    times: {
      maxIdleTaskCpuMs: Math.max(0, ...tasks.filter(holdsIdle).map(cpu)),
      longTasksCpu: tasks.filter((t) => cpu(t) > 50).length,
      longestTaskCpuMs: Math.max(0, ...tasks.map(cpu)),
    },
  };
}
