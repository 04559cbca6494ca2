// Kills a real child process with SIGKILL while it streams a reply into the store, 20 times
// at random points, and checks that every reopen finds a sound file and the reply marked
// interrupted with all but the last second of its text.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store/store.ts';
import { textOf } from '../../support/store/stream-text.ts';
import { tempDir } from '../../support/store/temp-store.ts';

const CHILD = fileURLToPath(new URL('../../support/store/stream-child.ts', import.meta.url));
const RUNS = 20;
const MAX_LOSS_MS = 1000;

interface Run {
  messageId: string | null;
  /** Epoch ms at which the child reported having n tokens. */
  tokenTimes: Map<number, number>;
  lastSeen: number;
}

/** Spawns the child and kills it once it reports `killAt` tokens (-1: right after spawn). */
async function streamAndKill(dbPath: string, killAt: number): Promise<Run> {
  const child: ChildProcess = spawn(process.execPath, [CHILD, dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  const run: Run = { messageId: null, tokenTimes: new Map(), lastSeen: 0 };
  const exited = once(child, 'exit');
  if (killAt < 0) {
    child.kill('SIGKILL');
  } else {
    const lines = createInterface({ input: child.stdout! });
    for await (const line of lines) {
      const [kind, a, b] = line.split(' ');
      if (kind === 'id') run.messageId = a ?? null;
      if (kind === 'n') {
        run.lastSeen = Number(a);
        run.tokenTimes.set(run.lastSeen, Number(b));
        if (run.lastSeen >= killAt) {
          child.kill('SIGKILL');
          break;
        }
      }
    }
  }
  const [code, signal] = await exited;
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
  return run;
}

describe('a reply survives SIGKILL', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it(`reopens sound after ${RUNS} kills at random points, losing at most ${MAX_LOSS_MS} ms of text`, { timeout: 180_000 }, async () => {
    let checked = 0;
    for (let i = 0; i < RUNS; i++) {
      // Mostly mid-stream (up to ~2.5 s in), sometimes during start-up and schema creation.
      const killAt = i % 7 === 3 ? -1 : 1 + Math.floor(Math.random() * 500);
      const run = await streamAndKill(dir.dbPath, killAt);

      const store = openStore(dir.dbPath);
      try {
        const integrity = store.db.prepare('PRAGMA integrity_check').all() as Array<{ integrity_check: string }>;
        expect(integrity).toEqual([{ integrity_check: 'ok' }]);
        if (run.messageId === null) continue;

        const reply = store.messages.get(run.messageId);
        expect(reply?.state).toBe('interrupted');
        expect(reply?.error?.kind).toBe('interrupted');
        const text = reply?.text ?? '';
        const saved = text.length === 0 ? 0 : text.trimEnd().split(' ').length;
        // Exactly the first `saved` tokens: nothing garbled, nothing out of order.
        expect(text).toBe(textOf(saved));
        expect(saved).toBeLessThanOrEqual(run.lastSeen + 1);
        const lastSeenAt = run.tokenTimes.get(run.lastSeen) ?? 0;
        // Time between the newest token on disk and the newest token the child had produced.
        const savedAt = saved === 0 ? (run.tokenTimes.get(1) ?? lastSeenAt) : (run.tokenTimes.get(saved) ?? lastSeenAt);
        expect(lastSeenAt - savedAt, `run ${i}: ${saved}/${run.lastSeen} tokens saved`).toBeLessThanOrEqual(MAX_LOSS_MS);
        // The reply is offered for Retry/Continue from the active path of its conversation.
        const path = store.messages.activePath(reply!.conversationId);
        expect(path.at(-1)?.id).toBe(run.messageId);
        checked++;
      } finally {
        store.close();
      }
    }
    expect(checked).toBeGreaterThanOrEqual(RUNS - 3);
  });
});
