// The browser-mode host itself is killed with SIGKILL while it streams a real reply from a fake
// provider, 20 times at random points. Each time the database reopens sound (integrity_check ok)
// with the reply marked interrupted and no more than about a second of its text lost.
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/store/store';
import { type HostProcess, startHostProcess } from './support/host-process';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-providers';
import * as openai from '../support/fake-providers/openai-wire';
import { streamReply, wait } from '../support/fake-providers/steps';

const RUNS = 20;
const TOKEN_MS = 15;
const TOKENS = Array.from({ length: 400 }, (_, i) => `t${i} `);
const MAX_LOSS_MS = 1100; // one checkpoint interval (500 ms) plus scheduling slack on a busy machine

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());

/** Streams one reply over the real port protocol and kills the host after `killAfterMs`. */
async function streamThenKill(host: HostProcess, providerId: string, conversationId: string, killAfterMs: number) {
  const received: Array<{ at: number; length: number }> = [];
  let text = '';
  const socket = host.openSocket();
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
      const host = await startHostProcess(dataDir);
      const provider = run === 0
        ? (await host.rpc<{ provider: { id: string } }>('providers:save', { name: 'Fake', kind: 'openai', baseURL: fake.baseURL, model: 'gpt-e2e' })).provider
        : (await host.rpc<Array<{ id: string }>>('providers:list', null))[0]!;
      const conversation = await host.rpc<{ id: string }>('conversations:create', { providerId: provider.id, model: 'gpt-e2e' });
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
