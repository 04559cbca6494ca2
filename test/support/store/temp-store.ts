// Real store files in a fresh temp directory per test, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../../src/main/store/store.ts';

export interface TempDir {
  dir: string;
  dbPath: string;
  cleanup(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'plume-store-'));
  return { dir, dbPath: join(dir, 'plume.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A store plus its directory; `done()` closes and deletes both. */
export function tempStore(opts: StoreOptions = {}): { store: Store; dir: TempDir; done(): void } {
  const dir = tempDir();
  const store = openStore(dir.dbPath, opts);
  return {
    store,
    dir,
    done() {
      try {
        store.close();
      } catch {
        // already closed by the test
      }
      dir.cleanup();
    },
  };
}

export const DONE = { state: 'complete', finish: 'stop', stats: { usage: { inputTokens: 10, outputTokens: 20 }, estimated: false, ttftMs: 120, tokensPerSec: 42 } } as const;

/** user → assistant, finished; returns both ids. */
export function exchange(store: Store, conversationId: string, question: string, answer: string, reasoning = ''): { userId: string; replyId: string } {
  const u = store.messages.appendUser(conversationId, question);
  const cp = store.messages.beginAssistant(conversationId, { providerId: 'openai', model: 'gpt-test' });
  const r = cp.finish({ ...DONE, stats: { ...DONE.stats, usage: { ...DONE.stats.usage } } }, answer, reasoning);
  return { userId: u.id, replyId: r.id };
}
