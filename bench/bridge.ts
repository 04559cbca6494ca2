// npm run bench:bridge — the reply port protocol over real cross-thread MessagePorts.
// Measures sustained deltas/s (byte-exact), delta-to-renderer latency, and what a 5 s renderer
// stall during a 10 MB reply costs main, against plain unbounded postMessage in the same run.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { ReplyOutcome } from '../src/shared/chat';
import { DEFAULT_CREDIT_WINDOW } from '../src/shared/port/messages';
import { fromEmitterPort } from '../src/shared/port/port';
import { ReplySender } from '../src/shared/port/reply-sender';
import { type Figure, percentile, report } from './support/report';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with --expose-gc (npm run bench:bridge does).');
const now = () => performance.timeOrigin + performance.now();
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const done: ReplyOutcome = { state: 'complete', finish: 'stop', stats: { usage: {}, estimated: true } };
const WINDOW = DEFAULT_CREDIT_WINDOW;

type Grant = 'immediate' | 'frame' | 'raw';
interface ConsumerResult { length: number; text: string; arrivals?: Array<{ at: number; chars: number }> }

function startConsumer(grant: Grant, stallMs = 0, stallAfterChars = 0) {
  const channel = new MessageChannel();
  const worker = new Worker(new URL('./bridge-consumer.ts', import.meta.url), {
    workerData: { port: channel.port2, mode: { grant, stallMs, stallAfterChars } },
    transferList: [channel.port2],
  });
  const events = { stalling: undefined as undefined | { received: number }, resumed: false };
  const finished = new Promise<ConsumerResult>((resolve, reject) => {
    worker.on('message', (m: { type: string; received?: number } & ConsumerResult) => {
      if (m.type === 'stalling') events.stalling = { received: m.received ?? 0 };
      if (m.type === 'resumed') events.resumed = true;
      if (m.type === 'done') resolve(m);
      if (m.type === 'lost') reject(new Error('consumer lost the port'));
    });
    worker.on('error', reject);
  });
  return { port: channel.port1, worker, events, finished };
}

/** Deterministic token-sized deltas (2–7 chars), like OpenAI's one-token-per-chunk streams. */
function makeDeltas(totalChars: number, seed = 42): string[] {
  const words = ['the ', 'stream', 'ing ', 'token', 's ', 'of ', 'a ', 'reply', ', ', 'code', '\n', 'main ', 'port ', 'credit'];
  const out: string[] = [];
  let size = 0;
  let s = seed;
  while (size < totalChars) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const w = words[s % words.length] as string;
    out.push(w);
    size += w.length;
  }
  return out;
}

async function throughput(grant: 'immediate' | 'frame', deltas: string[]) {
  const consumer = startConsumer(grant);
  const sender = new ReplySender(fromEmitterPort(consumer.port, 'node'), { onStop() {}, onGone() {} });
  await waitFor(() => sender.counters.creditsGranted > 0);
  const start = now();
  // Providers deliver many events per network read: push in bursts, yield between them.
  for (let i = 0; i < deltas.length; i++) {
    sender.pushText(deltas[i] as string);
    if (i % 64 === 63) await tick();
  }
  sender.end(done);
  const result = await consumer.finished;
  const seconds = (now() - start) / 1000;
  await consumer.worker.terminate();
  return { deltasPerSec: deltas.length / seconds, exact: result.text === deltas.join(''), messages: sender.counters.messages };
}

async function latency(grant: 'immediate' | 'frame', ratePerSec: number, seconds: number) {
  const consumer = startConsumer(grant);
  const sender = new ReplySender(fromEmitterPort(consumer.port, 'node'), { onStop() {}, onGone() {} });
  await waitFor(() => sender.counters.creditsGranted > 0);
  const sent: Array<{ at: number; end: number }> = [];
  const deltas = makeDeltas(ratePerSec * seconds * 5, 7);
  let chars = 0;
  const start = now();
  for (let i = 0; i < ratePerSec * seconds; i++) {
    const due = start + (i * 1000) / ratePerSec;
    while (now() < due) await tick();
    const d = deltas[i] as string;
    chars += d.length;
    sent.push({ at: now(), end: chars });
    sender.pushText(d);
  }
  sender.end(done);
  const result = await consumer.finished;
  await consumer.worker.terminate();
  const arrivals = result.arrivals ?? [];
  const latencies: number[] = [];
  let j = 0;
  for (const s of sent) {
    while (j < arrivals.length && (arrivals[j] as { chars: number }).chars < s.end) j++;
    const arrival = arrivals[j];
    if (arrival) latencies.push(arrival.at - s.at);
  }
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function stall(useProtocol: boolean, deltas: string[], replyBytes: number) {
  const consumer = startConsumer(useProtocol ? 'frame' : 'raw', 5000, 1024 * 1024);
  gc?.();
  const before = process.memoryUsage();
  let maxInFlight = 0;
  let postedRaw = 0;
  let sender: ReplySender | undefined;
  if (useProtocol) {
    sender = new ReplySender(fromEmitterPort(consumer.port, 'node'), { onStop() {}, onGone() {} });
    await waitFor(() => (sender as ReplySender).counters.creditsGranted > 0);
  }
  const inFlight = () => {
    if (sender) return sender.counters.messages - (sender.counters.creditsGranted - WINDOW);
    return postedRaw - (consumer.events.stalling?.received ?? postedRaw);
  };
  for (let i = 0; i < deltas.length; i++) {
    if (sender) sender.pushText(deltas[i] as string);
    else {
      consumer.port.postMessage({ text: deltas[i] });
      postedRaw += 1;
    }
    if (i % 1000 === 999) {
      maxInFlight = Math.max(maxInFlight, inFlight());
      await tick();
    }
  }
  await waitFor(() => consumer.events.stalling !== undefined);
  maxInFlight = Math.max(maxInFlight, inFlight());
  const stillStalled = !consumer.events.resumed;
  gc?.();
  const during = process.memoryUsage();
  if (sender) sender.end(done);
  else consumer.port.postMessage({ end: true });
  const result = await consumer.finished;
  await consumer.worker.terminate();
  return {
    maxInFlight,
    stillStalled,
    heapGrowthMB: (during.heapUsed - before.heapUsed) / 2 ** 20,
    rssGrowthMB: (during.rss - before.rss) / 2 ** 20,
    exact: result.length === replyBytes,
  };
}

async function waitFor(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 1));
}

const throughputDeltas = makeDeltas(1_500_000);
console.log(`throughput: ${throughputDeltas.length} deltas…`);
const fast = await throughput('immediate', throughputDeltas);
const framed = await throughput('frame', throughputDeltas);
console.log('latency: 2,000 deltas/s for 3 s…');
const latImmediate = await latency('immediate', 2000, 3);
const latFrame = await latency('frame', 2000, 3);
console.log('latency: 20,000 deltas/s for 2 s…');
const latFast = await latency('frame', 20_000, 2);
const stallDeltas = makeDeltas(10 * 1024 * 1024, 3);
const replyBytes = stallDeltas.reduce((n, d) => n + d.length, 0);
console.log(`stall: ${(replyBytes / 2 ** 20).toFixed(1)} MB reply in ${stallDeltas.length} deltas, consumer blocked 5 s…`);
const withProtocol = await stall(true, stallDeltas, replyBytes);
const baseline = await stall(false, stallDeltas, replyBytes);
const replyMB = replyBytes / 2 ** 20;

const figures: Figure[] = [
  { name: 'deltas/s, renderer grants at once', value: fast.deltasPerSec, unit: '/s', target: '≥ 20000, byte-exact', pass: fast.deltasPerSec >= 20_000 && fast.exact },
  { name: 'deltas/s, renderer grants per 16 ms frame', value: framed.deltasPerSec, unit: '/s', target: '≥ 20000, byte-exact', pass: framed.deltasPerSec >= 20_000 && framed.exact },
  { name: 'messages for 1.5 MB, per-frame grants', value: framed.messages, unit: 'msgs', baseline: throughputDeltas.length },
  { name: 'latency p50, grants at once', value: latImmediate.p50, unit: 'ms' },
  { name: 'latency p95, grants at once', value: latImmediate.p95, unit: 'ms' },
  { name: 'latency p50, per-frame grants', value: latFrame.p50, unit: 'ms' },
  { name: 'latency p95, per-frame grants', value: latFrame.p95, unit: 'ms', target: '< 17 (one frame)', pass: latFrame.p95 < 17 },
  { name: 'latency p95 at 20,000 deltas/s, per-frame grants', value: latFast.p95, unit: 'ms', target: '< 17 (one frame)', pass: latFast.p95 < 17 },
  { name: 'messages in flight, 5 s stall', value: withProtocol.maxInFlight, unit: 'msgs', baseline: baseline.maxInFlight, target: `≤ ${WINDOW} (window)`, pass: withProtocol.maxInFlight <= WINDOW },
  { name: 'main heap growth, 5 s stall', value: withProtocol.heapGrowthMB, unit: 'MB', baseline: baseline.heapGrowthMB, target: `≤ ${(replyMB + 1).toFixed(1)} (reply + 1 MB)`, pass: withProtocol.heapGrowthMB <= replyMB + 1 },
  { name: 'process memory growth, 5 s stall', value: withProtocol.rssGrowthMB, unit: 'MB', baseline: baseline.rssGrowthMB },
  { name: 'stall reply byte-exact', value: withProtocol.exact ? 1 : 0, unit: 'bool', baseline: baseline.exact ? 1 : 0, target: '1', pass: withProtocol.exact },
];
report('bridge', figures, {
  window: WINDOW,
  replyMB: Math.round(replyMB * 100) / 100,
  stallMeasuredWhileBlocked: withProtocol.stillStalled && baseline.stillStalled,
});
if (figures.some((f) => f.pass === false)) process.exitCode = 1;
