// The provider of `bench:concurrent`, in a process of its own so its buffers and CPU do not count
// as main's. One fake OpenAI server; each run queues one gated reply per conversation: all of
// them wait at `go`, stream the fixture at RATE tokens/s, pause at `hold` when 95% is sent (so
// the bench can weigh both processes at the peak), and finish after `finish`.
// Protocol on stdio, one line each: in `run <n>`, `go`, `finish`; out `url <baseURL>`,
// `request <count>`, `held`.
import { createInterface } from 'node:readline';
import { startFakeOpenAI } from '../../test/support/fake-providers';
import * as openai from '../../test/support/fake-providers/openai-wire';
import { send, splitIntoTokens, streamReply, type Step, wait } from '../../test/support/fake-providers/steps';
import { fixture } from '../render/fixtures.ts';

export const RATE = 2000;
const TICK_MS = 10;
const PER_TICK = (RATE * TICK_MS) / 1000;
/** A token is about four characters of English. */
const CHARS_PER_TOKEN = 4;
const HOLD_AT = 0.95;

const text = fixture(process.argv[2] ?? 'mixed-50k');
const tokens = splitIntoTokens(text, Math.round(text.length / CHARS_PER_TOKEN));
const decoder = new TextDecoder();

/** Tokens as SSE frames, PER_TICK of them written together every TICK_MS: RATE tokens/s. */
function paced(part: string[]): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < part.length; i += PER_TICK) {
    const frames = part.slice(i, i + PER_TICK).map((token) => openai.textChunk(token));
    const bytes = frames.map((f) => (f.do === 'send' ? (typeof f.bytes === 'string' ? f.bytes : decoder.decode(f.bytes)) : '')).join('');
    if (i > 0) steps.push(wait(TICK_MS));
    steps.push(send(bytes));
  }
  return steps;
}

const cut = Math.floor(tokens.length * HOLD_AT);
const head = paced(tokens.slice(0, cut));
const tail = paced(tokens.slice(cut));

function opener(): { released: Promise<void>; open(): void } {
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  return { released, open };
}

/** A gate that says `held` when a reply reaches it (the server awaits it only then). */
function reportingGate(released: Promise<void>): Promise<void> {
  return {
    then(resolve: () => void, reject: (e: unknown) => void) {
      process.stdout.write('held\n');
      return released.then(resolve, reject);
    },
  } as Promise<void>;
}

const fake = await startFakeOpenAI();
let go = opener();
let finish = opener();
process.stdout.write(`url ${fake.baseURL}\n`);

void (async () => {
  for (let count = 1; ; count++) {
    await fake.waitForRequest(count);
    process.stdout.write(`request ${count}\n`);
  }
})();

for await (const line of createInterface({ input: process.stdin })) {
  const [command, arg] = line.split(' ');
  if (command === 'run') {
    go = opener();
    finish = opener();
    for (let i = 0; i < Number(arg); i++) {
      fake.nextReply(
        streamReply([openai.roleChunk(), { do: 'until', released: go.released }, ...head, { do: 'until', released: reportingGate(finish.released) }, ...tail, openai.finishChunk('stop'), openai.done()]),
      );
    }
  } else if (command === 'go') go.open();
  else if (command === 'finish') finish.open();
}
await fake.close();
