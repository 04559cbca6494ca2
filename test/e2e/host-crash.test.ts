// The browser-mode host itself is killed with SIGKILL while it streams a real reply from a fake
// provider, 20 times at random points. Each time the database reopens sound (integrity_check ok)
// with the reply marked interrupted and no more than about a second of its text lost.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openStore } from '../../src/main/store/store';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-providers';
import * as openai from '../support/fake-providers/openai-wire';
import { streamReply, wait } from '../support/fake-providers/steps';

const RUNS = 20;
const TOKEN_MS = 15;
const TOKENS = Array.from({ length: 400 }, (_, i) => `t${i} `);
const MAX_LOSS_MS = 1100; // one checkpoint interval (500 ms) plus scheduling slack on a busy machine
const hostEntry = join(import.meta.dirname, '../../out/main/web.js');

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());

interface Host {
  child: ChildProcess;
  origin: string;
  cookie: string;
}

async function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [hostEntry], { env: { ...process.env, PLUME_DATA_DIR: dataDir, PLUME_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout! })) {
    const url = line.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/)?.[1];
    if (!url) continue;
    const first = await fetch(url, { redirect: 'manual' });
    return { child, origin: new URL(url).origin, cookie: (first.headers.get('set-cookie') ?? '').split(';')[0] as string };
  }
  throw new Error('The host printed no address.');
}

async function rpc<T>(host: Host, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/rpc/${channel}`, { method: 'POST', headers: { cookie: host.cookie, origin: host.origin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const result = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

/** Streams one reply over the real port protocol and kills the host after `killAfterMs`. */
async function streamThenKill(host: Host, providerId: string, conversationId: string, killAfterMs: number) {
  const received: Array<{ at: number; length: number }> = [];
  let text = '';
  const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/stream`, { headers: { cookie: host.cookie, origin: host.origin } });
  await once(socket, 'open');
  socket.send(JSON.stringify({ conversationId, providerId, model: 'gpt-e2e', action: { kind: 'send', text: 'Count for me' } }));
  socket.send(JSON.stringify({ t: 'credit', n: 8 }));
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { text?: string };
    text += message.text ?? '';
    received.push({ at: Date.now(), length: text.length });
    socket.send(JSON.stringify({ t: 'credit', n: 1 }));
  });
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  const killedAt = Date.now();
  const exited = once(host.child, 'exit');
  host.child.kill('SIGKILL');
  await exited;
  socket.terminate();
  // What the window had shown a second before the kill must have been saved.
  const mustHave = received.filter((r) => r.at <= killedAt - MAX_LOSS_MS).at(-1)?.length ?? 0;
  return { text, mustHave };
}

describe('killing the host mid-reply', () => {
  it(`${RUNS} SIGKILLs at random points: the file stays sound and at most ~1 s of text is lost`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plume-crash-'));
    let seed = 20261120;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const outcomes: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      fake.nextReply(streamReply([openai.roleChunk(), ...TOKENS.flatMap((t) => [openai.textChunk(t), wait(TOKEN_MS)]), openai.finishChunk('stop'), openai.done()]));
      const host = await startHost(dataDir);
      const provider = run === 0
        ? (await rpc<{ provider: { id: string } }>(host, 'providers:save', { name: 'Fake', kind: 'openai', baseURL: fake.baseURL, model: 'gpt-e2e' })).provider
        : (await rpc<Array<{ id: string }>>(host, 'providers:list', null))[0]!;
      const conversation = await rpc<{ id: string }>(host, 'conversations:create', { providerId: provider.id, model: 'gpt-e2e' });
      const killAfterMs = 150 + Math.floor(random() * 2500);
      const { text, mustHave } = await streamThenKill(host, provider.id, conversation.id, killAfterMs);

      const store = openStore(join(dataDir, 'plume.db'));
      try {
        expect(store.db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
        const reply = store.messages.activePath(conversation.id).find((m) => m.role === 'assistant');
        expect(reply?.state).toBe('interrupted');
        const saved = reply?.text ?? '';
        // Saved text is exactly what was streamed, cut somewhere no earlier than a second before the kill.
        expect(TOKENS.join('').startsWith(saved)).toBe(true);
        expect(saved.length).toBeGreaterThanOrEqual(mustHave);
        outcomes.push(`${killAfterMs} ms: shown ${text.length}, saved ${saved.length}, required ${mustHave}`);
      } finally {
        store.close();
      }
    }
    console.log(`[plume] host kills:\n  ${outcomes.join('\n  ')}`);
  }, 180_000);
});
