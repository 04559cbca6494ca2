// npm run bench:store: builds a deterministic 10,000-conversation / 1,000,000-message store,
// then times what a person waits on (sidebar, search, opening a long chat, streaming) against
// the targets, next to a naive baseline measured on the same file in the same run.
// Writes bench/results/store.json. --keep leaves the database in the temp dir; --reuse measures
// that file again without regenerating it. Then hostile imports (bench/store-imports.ts, alone
// with --imports) into bench/results/store-imports.json.
import { mkdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/main/store/store.ts';
import { measureDataLifecycle } from './store-data.ts';
import { seededRandom } from './support/random.ts';
import { benchHostileImports } from './store-imports.ts';

const CONVERSATIONS = 10_000;
const MESSAGES = 1_000_000;
const LONG_CONVERSATION = 2_000;
const BATCH = 20_000;
const NOW = Date.UTC(2026, 0, 15, 12);

// ---- deterministic data -------------------------------------------------------------------


const rand = seededRandom(42);
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'zi', 'po', 'qua', 'der', 'fin', 'gal', 'hob', 'jun', 'bre', 'cro', 'dle', 'wex'];
const TECH = ['python', 'rust', 'typescript', 'sqlite', 'kubernetes', 'docker', 'react', 'electron', 'postgres', 'async', 'closure', 'lifetime', 'borrow', 'index', 'query', 'latency', 'gradient', 'tensor', 'matrix', 'recursion'];
const VOCAB: string[] = [...TECH];
while (VOCAB.length < 8_000) {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  VOCAB.push(w);
}

/** Zipf-like skew: a few words are everywhere, most are rare, as in real chats. */
function word(): string {
  return VOCAB[Math.floor(VOCAB.length * rand() ** 3)] as string;
}

function sentence(min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(word());
  return words.join(' ');
}

function generate(dbPath: string): { seconds: number } {
  const t0 = performance.now();
  openStore(dbPath).close(); // schema via the real migrations
  const db = new DatabaseSync(dbPath);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000');
  const insConv = db.prepare(
    `INSERT INTO conversations (id, title, title_source, created_at, updated_at, pinned, provider_id, model, options, active_root_id)
     VALUES (?, ?, 'auto', ?, ?, ?, 'openai', 'gpt-bench', '{}', ?)`,
  );
  const insMsg = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, active_child_id, role, text, provider_id, model, state, stats, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'complete', ?, ?, ?)`,
  );
  const stats = JSON.stringify({ usage: { inputTokens: 200, outputTokens: 400 }, estimated: false, ttftMs: 350, tokensPerSec: 60 });
  const perConv = Math.floor((MESSAGES - LONG_CONVERSATION) / (CONVERSATIONS - 1));
  let remainder = MESSAGES - LONG_CONVERSATION - perConv * (CONVERSATIONS - 1);
  let pending = 0;
  db.exec('BEGIN');
  for (let c = 0; c < CONVERSATIONS; c++) {
    const count = c === 0 ? LONG_CONVERSATION : perConv + (remainder-- > 0 ? 1 : 0);
    const id = `conv-${c}`;
    const created = NOW - Math.floor(rand() * 730 * 86_400_000);
    const updated = Math.min(NOW, created + Math.floor(rand() * 30 * 86_400_000));
    insConv.run(id, sentence(3, 6), created, updated, c % 500 === 7 ? 1 : 0, `${id}-m0`);
    for (let m = 0; m < count; m++) {
      const user = m % 2 === 0;
      const at = created + m * 30_000;
      insMsg.run(
        `${id}-m${m}`, id, m === 0 ? null : `${id}-m${m - 1}`, m + 1 < count ? `${id}-m${m + 1}` : null,
        user ? 'user' : 'assistant', user ? sentence(5, 25) : sentence(10, 60),
        user ? null : 'openai', user ? null : 'gpt-bench', user ? null : stats, at, at,
      );
      if (++pending >= BATCH) {
        db.exec('COMMIT; BEGIN');
        pending = 0;
      }
    }
  }
  db.exec('COMMIT');
  db.exec('PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { seconds: (performance.now() - t0) / 1000 };
}

// ---- measuring -----------------------------------------------------------------------------

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

interface Figure {
  value: number;
  unit: string;
  target?: string;
  baseline?: { name: string; value: number };
  ok?: boolean;
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const dir = join(tmpdir(), 'plume-bench-store');
  const dbPath = join(dir, 'bench.db');
  // --reuse measures a file left by an earlier --keep run (the data is deterministic).
  const reuse = process.argv.includes('--reuse') && existsSync(dbPath);
  let gen = { seconds: 0 };
  if (!reuse) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    console.log(`Generating ${CONVERSATIONS.toLocaleString('en')} conversations / ${MESSAGES.toLocaleString('en')} messages…`);
    // In a child process: the generator leaves a heap full of garbage whose collection would
    // land inside the timings, and the app never measures right after writing 1M rows either.
    const t0 = performance.now();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--generate-only', dbPath], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`generator failed with status ${child.status}`);
    gen = { seconds: (performance.now() - t0) / 1000 };
    console.log(`  done in ${gen.seconds.toFixed(1)} s`);
  }

  const store = openStore(dbPath);
  const figures: Record<string, Figure> = {};

  // Sidebar: first page, with the partial index vs the same query forced to scan.
  store.conversations.list({ limit: 50 });
  const list = Array.from({ length: 30 }, () => time(() => store.conversations.list({ limit: 50 })));
  figures.list_first_page_p95_ms = { value: round(percentile(list, 95)), unit: 'ms', target: '< 20', ok: percentile(list, 95) < 20 };

  // Search: 20 queries from very common to rare words, phrases and prefixes.
  const queries = [
    VOCAB[20], VOCAB[60], VOCAB[200], VOCAB[800], VOCAB[3000], VOCAB[7000],
    'python', 'sqlite index', 'rust borrow', 'async closure', 'react electron', 'tensor gradient',
    `${VOCAB[100]} ${VOCAB[150]}`, `${VOCAB[30]} ${VOCAB[2000]}`, `"${VOCAB[21]} ${VOCAB[22]}"`,
    (VOCAB[500] as string).slice(0, 4), (VOCAB[40] as string).slice(0, 3), 'kube', 'lifetim', 'recursion matrix query',
  ] as string[];
  for (const q of queries.slice(0, 3)) store.search(q); // warm the page cache like a running app
  const searchTimes = queries.map((q) => time(() => store.search(q, { limit: 30 })));
  const hitCounts = queries.map((q) => store.search(q, { limit: 30 }).length);
  figures.search_p50_ms = { value: round(percentile(searchTimes, 50)), unit: 'ms' };
  figures.search_p95_ms = { value: round(percentile(searchTimes, 95)), unit: 'ms', target: '< 30', ok: percentile(searchTimes, 95) < 30 };

  // Opening the 2,000-message conversation: active path with branch positions.
  const longId = 'conv-0';
  const pathLen = store.messages.activePath(longId).length;
  const load = Array.from({ length: 30 }, () => time(() => store.messages.activePath(longId)));
  figures.load_2000_messages_p50_ms = { value: round(percentile(load, 50)), unit: 'ms' };
  figures.load_2000_messages_p95_ms = { value: round(percentile(load, 95)), unit: 'ms', target: '< 50', ok: percentile(load, 95) < 50 };

  // Streaming: cost of one checkpoint write as the reply grows, and how many writes a
  // 20-second stream at 50 tokens/s makes under the 500 ms throttle.
  const conv = store.conversations.create({ title: 'bench stream' });
  store.messages.appendUser(conv.id, 'Write a long answer.');
  let clock = 0;
  const cp = store.messages.beginAssistant(conv.id, { providerId: 'openai', model: 'gpt-bench', checkpoint: { now: () => clock } });
  let text = '';
  const writeTimes: number[] = [];
  for (let i = 0; i < 1000; i++) {
    text += `${word()} `;
    clock += 20;
    const before = cp.writes;
    const t = time(() => cp.update(text));
    if (cp.writes > before) writeTimes.push(t);
  }
  // The reply's words enter the search index once, when it finishes (schema 11).
  const finishMs = time(() => cp.finish({ state: 'complete', stats: { usage: {}, estimated: true } }));
  figures.checkpoint_finish_ms = { value: round(finishMs), unit: 'ms' };
  // Baseline: the same writes to a row that is indexed, as every checkpoint was before schema 11
  // (the finished reply's text re-indexed with secure delete at each write).
  const rewrite = store.db.prepare('UPDATE messages SET text = ?, updated_at = ? WHERE id = ?');
  const words = text.split(' ');
  const indexedTimes = Array.from({ length: 20 }, (_, i) => time(() => rewrite.run(words.slice(0, 50 * (i + 1)).join(' '), NOW, cp.messageId)));
  const writeP50 = percentile(writeTimes, 50);
  const writeP95 = percentile(writeTimes, 95);
  figures.checkpoint_write_p50_ms = { value: round(writeP50), unit: 'ms', baseline: { name: 'same write re-indexing the reply, p50', value: round(percentile(indexedTimes, 50)) } };
  figures.checkpoint_write_p95_ms = {
    value: round(writeP95), unit: 'ms', target: '< 16 (a frame of main)', ok: writeP95 < 16,
    baseline: { name: 'same write re-indexing the reply, p95', value: round(percentile(indexedTimes, 95)) },
  };
  figures.checkpoint_writes_per_20s_stream = { value: cp.writes, unit: 'writes', target: '<= 41 (1 per 500 ms + finish)', ok: cp.writes <= 41, baseline: { name: 'one write per token', value: 1000 } };

  // Baselines last: the LIKE scans leave hundreds of MB of garbage whose collection would
  // otherwise land inside the measurements above.
  const listSql = `SELECT * FROM conversations NOT INDEXED WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC, seq DESC LIMIT 51`;
  const noIndex = Array.from({ length: 30 }, () => time(() => store.db.prepare(listSql).all()));
  figures.list_first_page_p95_ms.baseline = { name: 'same query without the index, p95', value: round(percentile(noIndex, 95)) };
  // The naive way: every message read and pattern-matched (no ranking at all, so generous).
  const likeTimes = queries.map((q) => time(() => store.db.prepare('SELECT id FROM messages WHERE text LIKE ?').all(`%${q.replace(/"/g, '')}%`)));
  figures.search_p50_ms.baseline = { name: "LIKE '%q%' full scan, p50", value: round(percentile(likeTimes, 50)) };
  figures.search_p95_ms.baseline = { name: "LIKE '%q%' full scan, p95", value: round(percentile(likeTimes, 95)) };

  store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const walPath = `${dbPath}-wal`;
  const bytes = statSync(dbPath).size + (existsSync(walPath) ? statSync(walPath).size : 0);
  figures.database_size_mb = { value: round(bytes / 1024 / 1024), unit: 'MB' };

  // Exports, backup and erase last: erasing removes 1,000 conversations (a --reuse run after a
  // --keep run therefore measures 9,000).
  if (!process.argv.includes('--no-data')) Object.assign(figures, await measureDataLifecycle(store, dbPath, dir, longId));
  if (!reuse) figures.generate_seconds = { value: round(gen.seconds), unit: 's' };
  store.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    dataset: { conversations: CONVERSATIONS, messages: MESSAGES, longConversationPath: pathLen, searchQueries: queries.length, searchHits: hitCounts },
    figures,
  };
  const out = new URL('./results/store.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);

  const rows = Object.entries(figures).map(([name, f]) => [
    name, `${f.value} ${f.unit}`, f.target ?? '', f.ok === undefined ? '' : f.ok ? 'ok' : 'MISSED', f.baseline ? `${f.baseline.value} ${f.unit} (${f.baseline.name})` : '',
  ]);
  const head = ['figure', 'value', 'target', '', 'baseline (same run)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  console.log(`\nWritten to bench/results/store.json`);
}

const generateOnly = process.argv.indexOf('--generate-only');
if (generateOnly >= 0) generate(process.argv[generateOnly + 1] as string);
else {
  // `--imports` measures only the hostile imports (no million-message store); `--no-imports` skips them.
  if (!process.argv.includes('--imports')) await main();
  if (!process.argv.includes('--no-imports')) benchHostileImports();
}
