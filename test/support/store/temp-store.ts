// Real store files in a fresh temp directory per test, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
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

/** A store plus its directory; `done()` closes the current `store` (tests may reopen it) and deletes both. */
export function tempStore(opts: StoreOptions = {}): { store: Store; dir: TempDir; done(): void } {
  const dir = tempDir();
  const result = {
    store: openStore(dir.dbPath, opts),
    dir,
    done() {
      if (result.store.db.isOpen) result.store.close();
      dir.cleanup();
    },
  };
  return result;
}

export const DONE = { state: 'complete', finish: 'stop', stats: { usage: { inputTokens: 10, outputTokens: 20 }, estimated: false, ttftMs: 120, tokensPerSec: 42 } } as const;

/** user → assistant, finished; returns both ids. */
export function exchange(store: Store, conversationId: string, question: string, answer: string, reasoning = ''): { userId: string; replyId: string } {
  const u = store.messages.appendUser(conversationId, question);
  const cp = store.messages.beginAssistant(conversationId, { providerId: 'openai', model: 'gpt-test' });
  const r = cp.finish({ ...DONE, stats: { ...DONE.stats, usage: { ...DONE.stats.usage } } }, answer, reasoning);
  return { userId: u.id, replyId: r.id };
}

/** Registers a fresh store per test in the calling file; read `.store` inside tests. */
export function useTempStore(opts: StoreOptions = {}): { readonly store: Store; readonly current: ReturnType<typeof tempStore> } {
  let current: ReturnType<typeof tempStore> | null = null;
  beforeEach(() => {
    current = tempStore(opts);
  });
  afterEach(() => current?.done());
  return {
    get store() {
      return (current as ReturnType<typeof tempStore>).store;
    },
    get current() {
      return current as ReturnType<typeof tempStore>;
    },
  };
}
