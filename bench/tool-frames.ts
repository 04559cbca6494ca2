// npm run bench:tools (second part) — frame times in the real window while a 100 KB tool-call
// argument streams in at 2,000 tok/s, against the same amount of plain text at the same rate,
// measured in the same run: browser-mode host and services in this process, the real window in
// Chromium, a fake OpenAI-type provider on 127.0.0.1. The argument is a write_file-style object
// (a long content string and a list of small edit objects), so the key/value view grows the
// whole time. No MCP server is offered, so the call is shown and never run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlumeService } from '../src/main/services/plume-service';
import { FileVault } from '../src/main/settings/file-vault';
import { startWebHost } from '../src/main/web-host/server';
import { startFakeOpenAI } from '../test/support/fake-providers';
import * as openai from '../test/support/fake-providers/openai-wire';
import { send, type Step, streamReply, wait } from '../test/support/fake-providers/steps';
import { launch } from './render/serve.ts';
import { type ReplyFrames, recordReplyFrames } from './support/reply-frames.ts';
import { buildArgument, wordSource } from './support/tool-argument.ts';
import { type Figure, percentile, report } from './support/report';

const BYTES = 100 * 1024;
const RATE = 2000;
const TICK_MS = 10;
const PER_TICK = (RATE * TICK_MS) / 1000;
/** A token is about four characters. */
const CHARS_PER_TOKEN = 4;
const ROUNDS = 3;
const root = join(import.meta.dirname, '..');

const word = wordSource(7);

/** Text cut into pieces of about a token, PER_TICK of them sent together every TICK_MS. */
function paced(text: string, chunk: (piece: string) => Step): Step[] {
  const steps: Step[] = [];
  const decoder = new TextDecoder();
  const perTick = PER_TICK * CHARS_PER_TOKEN;
  for (let at = 0; at < text.length; at += perTick) {
    const pieces: string[] = [];
    for (let i = at; i < Math.min(at + perTick, text.length); i += CHARS_PER_TOKEN) pieces.push(text.slice(i, i + CHARS_PER_TOKEN));
    const bytes = pieces.map((p) => chunk(p)).map((s) => (s.do === 'send' ? (typeof s.bytes === 'string' ? s.bytes : decoder.decode(s.bytes)) : '')).join('');
    if (at > 0) steps.push(wait(TICK_MS));
    steps.push(send(bytes));
  }
  return steps;
}

const argument = buildArgument(BYTES, 7, 0.6);
/** Plain prose of the same length, in paragraphs, as a reply's text usually comes. */
function buildProse(chars: number): string {
  let text = '';
  for (let n = 1; text.length < chars; n++) text += `${word()}${n % 60 === 0 ? '.\n\n' : ' '}`;
  return text.slice(0, chars);
}
const plain = buildProse(argument.length);
const toolReply = () =>
  streamReply([
    openai.roleChunk(),
    openai.chunk({ tool_calls: [{ index: 0, id: 'call_write', type: 'function', function: { name: 'write_file', arguments: '' } }] }),
    ...paced(argument, (piece) => openai.chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] })),
    openai.finishChunk('tool_calls'),
    openai.done(),
  ]);
const textReply = () => streamReply([openai.roleChunk(), ...paced(plain, openai.textChunk), openai.finishChunk('stop'), openai.done()]);

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('electron-vite build failed: run `npx electron-vite build` to see why.');
}
const fake = await startFakeOpenAI();
const dataDir = mkdtempSync(join(tmpdir(), 'plume-tool-frames-'));
const service = createPlumeService({ dataDir, vault: new FileVault(dataDir), mode: 'web', version: 'bench', maxRetries: 0, localProbes: [] });
const host = await startWebHost({ service, rendererDir: join(root, 'out/renderer') });
await service.handlers['providers:save']({ name: 'Bench', kind: 'openai', baseURL: fake.baseURL, apiKey: 'sk-bench-0123456789', model: 'bench-model' });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(host.url);
await page.getByRole('textbox', { name: 'Message' }).waitFor();
const loadBefore = loadavg();

type Run = ReplyFrames;

let runs = 0;
async function run(kind: 'tool' | 'text'): Promise<Run> {
  fake.nextReply(kind === 'tool' ? toolReply() : textReply());
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill(`${kind} ${++runs}`);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  // The reply row is there from the press on; frames count from the first thing it shows.
  return recordReplyFrames(page, '.message-text, [data-testid=tool-call]');
}

try {
  await run('text'); // warm-up
  await run('tool');
  const byKind: Record<'tool' | 'text', Run[]> = { tool: [], text: [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternated, so a change in the machine's load hits both alike.
    for (const kind of round % 2 === 0 ? (['text', 'tool'] as const) : (['tool', 'text'] as const)) byKind[kind].push(await run(kind));
  }
  const pool = (list: Run[]) => {
    const frames = list.flatMap((r) => r.frames);
    const seconds = list.reduce((s, r) => s + r.seconds, 0);
    return { p50: percentile(frames, 50), p95: percentile(frames, 95), frames: frames.length, tokensPerSec: (list.length * BYTES) / CHARS_PER_TOKEN / seconds };
  };
  const tool = pool(byKind.tool);
  const text = pool(byKind.text);
  const ratio = tool.p95 / text.p95;
  const figures: Figure[] = [
    { name: 'frame p50, 100 KB tool argument streaming', value: tool.p50, unit: 'ms', baseline: text.p50 },
    { name: 'frame p95, 100 KB tool argument streaming', value: tool.p95, unit: 'ms', baseline: text.p95 },
    { name: 'frame p95 ratio (tool argument / plain text)', value: ratio, unit: '×', target: '≤ 1.3', pass: ratio <= 1.3 },
    { name: `frames measured (${ROUNDS} runs each), tool argument`, value: tool.frames, unit: 'frames', baseline: text.frames },
    { name: 'delivered, tool argument', value: tool.tokensPerSec, unit: 'tok/s', baseline: text.tokensPerSec, target: `${RATE}` },
  ];
  report('tools-frames', figures, {
    argumentBytes: argument.length,
    load: { before: loadBefore, after: loadavg() },
    note: 'Baseline: the same number of characters of plain text at the same rate, in the same run. Frame times on a shared machine: compare the ratio.',
  });
} finally {
  await browser.close();
  await host.close();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
}
