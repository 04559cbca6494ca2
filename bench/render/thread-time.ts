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
  /**
   * Longest slice of idle-time work (the highlight swaps), in thread CPU ms: the tasks from the
   * first idle callback until the page marks SETTLED_MARK that ran script, other than timers and
   * animation frames (the harness's own polling). A slice is an idle callback, or the task it
   * hands the next slice to while the idle period lasts.
   */
  maxIdleTaskCpuMs: number;
  /** Tasks whose thread CPU exceeded 50 ms, and the longest task's thread CPU. */
  longTasksCpu: number;
  longestTaskCpuMs: number;
}

/** performance.mark name the page sets when the work being measured is done. */
export const SETTLED_MARK = 'plume-settled';

export async function withThreadTimes<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; times: ThreadTimes }> {
  const events: TraceEvent[] = [];
  const collect = (d: { value: unknown[] }): void => void events.push(...(d.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
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
  const from = Math.min(...idle.map((e) => e.ts));
  const to = events.find((e) => e.name === SETTLED_MARK)?.ts ?? Infinity;
  const inside = (t: TraceEvent): TraceEvent[] => mine.filter((e) => e !== t && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0));
  const isSlice = (t: TraceEvent): boolean => {
    if (t.ts < from || t.ts > to) return false;
    const names = new Set(inside(t).map((e) => e.name));
    return names.has('FunctionCall') && !names.has('TimerFire') && !names.has('FireAnimationFrame');
  };
  return {
    result,
    times: {
      maxIdleTaskCpuMs: Math.max(0, ...tasks.filter(isSlice).map(cpu)),
      longTasksCpu: tasks.filter((t) => cpu(t) > 50).length,
      longestTaskCpuMs: Math.max(0, ...tasks.map(cpu)),
    },
  };
}
