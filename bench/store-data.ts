// The data-lifecycle part of bench:store: HTML exports streamed to disk (one 2,000-message
// conversation and all 10,000) through the very writer the app's export handlers use
// (writeExportFile: one conversation at a time into a private file, renamed at the end), a backup
// of the whole database, and erasing 1,000 deleted conversations for good. Each beside a baseline
// measured in the same run.
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeExportFile } from '../src/main/services/export-to-disk.ts';
import { backupDatabase } from '../src/main/store/backup.ts';
import { exportChunks, exportConversation } from '../src/main/store/export/index.ts';
import type { Store } from '../src/main/store/store.ts';
import { markdownExportMs } from './store-markdown-export.ts';

export interface DataFigure {
  value: number;
  unit: string;
  target?: string;
  baseline?: { name: string; value: number };
  ok?: boolean;
}

const MB = 1024 * 1024;
const round = (n: number): number => Math.round(n * 100) / 100;

/** Runs `fn`, sampling resident memory every `sample()` call it makes; returns ms and peak MB above the start. */
async function measure(fn: (sample: () => void) => unknown): Promise<{ ms: number; peakMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  };
  const t = performance.now();
  await fn(sample);
  const ms = performance.now() - t;
  sample();
  return { ms, peakMb: (peak - start) / MB };
}

/** Each part's figures as soon as they are measured: a long erase on a loaded machine must not hide them. */
function logSoFar(figures: Record<string, DataFigure>, names: string[]): void {
  for (const name of names) process.stderr.write(`  ${name}: ${JSON.stringify(figures[name])}\n`);
}

export async function measureDataLifecycle(store: Store, dbPath: string, dir: string, longId: string): Promise<Record<string, DataFigure>> {
  const figures: Record<string, DataFigure> = {};
  const out = join(dir, 'exports');
  mkdirSync(out, { recursive: true });

  // One 2,000-message conversation: streamed, and (baseline) built in one string first.
  let bytes = 0;
  const one = await measure(async (sample) => (bytes = await writeExportFile(exportChunks(store, [longId], 'html').chunks, join(out, 'long.html'), sample)));
  const oneString = await measure((sample) => {
    const file = exportConversation(store, longId, 'html');
    sample();
    writeFileSync(join(out, 'long-string.html'), file.content, { mode: 0o600 });
    sample();
  });
  figures.html_export_2000_messages_ms = { value: round(one.ms), unit: 'ms', target: '< 5000', ok: one.ms < 5000, baseline: { name: 'built as one string, then written', value: round(oneString.ms) } };
  figures.html_export_2000_messages_peak_mb = { value: round(one.peakMb), unit: 'MB', target: '< 200', ok: one.peakMb < 200, baseline: { name: 'one string', value: round(oneString.peakMb) } };
  figures.html_export_2000_messages_file_mb = { value: round(bytes / MB), unit: 'MB' };
  logSoFar(figures, ['html_export_2000_messages_ms', 'html_export_2000_messages_peak_mb']);

  // The same length where every reply is markdown: what a real conversation costs.
  const markdown = await markdownExportMs(dir);
  figures.html_export_2000_markdown_messages_ms = { value: round(markdown), unit: 'ms', target: '< 5000', ok: markdown < 5000, baseline: { name: 'plain-sentence replies above', value: round(one.ms) } };
  logSoFar(figures, ['html_export_2000_markdown_messages_ms']);

  // Every conversation in one file, streamed: memory stays at about one conversation's worth.
  const all = await measure(async (sample) => (bytes = await writeExportFile(exportChunks(store, null, 'html').chunks, join(out, 'all.html'), sample)));
  figures.html_export_all_10000_seconds = { value: round(all.ms / 1000), unit: 's', target: '< 600', ok: all.ms < 600_000 };
  figures.html_export_all_10000_peak_mb = { value: round(all.peakMb), unit: 'MB', target: '< 300 (streamed)', ok: all.peakMb < 300 };
  figures.html_export_all_10000_file_mb = { value: round(bytes / MB), unit: 'MB' };
  logSoFar(figures, ['html_export_all_10000_seconds', 'html_export_all_10000_peak_mb', 'html_export_all_10000_file_mb']);
  rmSync(out, { recursive: true, force: true });

  // Backup of the whole database (VACUUM INTO), beside a plain copy of the file.
  store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const backupDir = join(dir, 'backups');
  const backup = await measure(() => backupDatabase(store.db, backupDir, 'bench'));
  const copyPath = join(dir, 'copy.db');
  const copy = await measure(() => copyFileSync(dbPath, copyPath));
  figures.backup_1m_messages_seconds = { value: round(backup.ms / 1000), unit: 's', target: '< 60', ok: backup.ms < 60_000, baseline: { name: 'cp of the file (not consistent while in use)', value: round(copy.ms / 1000) } };
  logSoFar(figures, ['backup_1m_messages_seconds']);
  rmSync(backupDir, { recursive: true, force: true });
  rmSync(copyPath, { force: true });

  // Erasing 1,000 deleted conversations for good: rows, index merge, WAL truncate.
  const ids = (store.db.prepare("SELECT id FROM conversations WHERE id != ? AND deleted_at IS NULL ORDER BY seq LIMIT 1000").all(longId) as Array<{ id: string }>).map((r) => r.id);
  for (const id of ids) store.conversations.softDelete(id);
  const sizeBefore = statSync(dbPath).size;
  const erase = await measure(() => store.conversations.purgeDeleted(Number.MAX_SAFE_INTEGER));
  const wal = `${dbPath}-wal`;
  const sizeAfter = statSync(dbPath).size + (existsSync(wal) ? statSync(wal).size : 0);
  figures.erase_1000_conversations_seconds = { value: round(erase.ms / 1000), unit: 's', target: '< 60', ok: erase.ms < 60_000 };
  figures.erase_1000_conversations_file_mb_after = { value: round(sizeAfter / MB), unit: 'MB', baseline: { name: 'file before', value: round(sizeBefore / MB) } };
  return figures;
}
