// The HTML export of a conversation that reads like a real one: every reply is markdown (headings,
// lists, links, code, tables, math, footnotes) and goes through the full remark/rehype pipeline,
// where the 1M-message file's replies are plain sentences the export writes without parsing.
import { mkdirSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeExportFile } from '../src/main/services/export-to-disk.ts';
import { exportChunks } from '../src/main/store/export/index.ts';
import { openStore } from '../src/main/store/store.ts';

const MESSAGES = 2_000;

function reply(i: number): string {
  return [
    `## Step ${i}: what to change`,
    '',
    `Here is **why** the \`config\` matters, with a [link](https://example.com/${i}).`,
    '',
    '- first point with *emphasis*',
    '- second point with `code`',
    '- third point',
    '',
    i % 3 === 0 ? `\`\`\`ts\nexport function step${i}(x: number): number {\n  return x * ${i};\n}\n\`\`\`\n` : '',
    i % 5 === 0 ? '| name | value |\n| --- | --- |\n| alpha | 1 |\n| beta | 2 |\n' : '',
    i % 7 === 0 ? 'The energy is $E = mc^2$, and\n\n$$\\int_0^1 x^2\\,dx = \\frac13$$\n' : '',
    '> A quote to finish, with a footnote.[^1]',
    '',
    '[^1]: The note.',
  ].join('\n');
}

function build(dbPath: string): void {
  openStore(dbPath).close(); // schema via the real migrations
  const db = new DatabaseSync(dbPath);
  db.prepare(
    `INSERT INTO conversations (id, title, title_source, created_at, updated_at, pinned, provider_id, model, options, active_root_id)
     VALUES ('md', 'Markdown replies', 'auto', 1, 1, 0, 'openai', 'gpt-bench', '{}', 'md-0')`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, active_child_id, role, text, provider_id, model, state, stats, created_at, updated_at)
     VALUES (?, 'md', ?, ?, ?, ?, ?, ?, 'complete', ?, ?, ?)`,
  );
  const stats = JSON.stringify({ usage: { inputTokens: 200, outputTokens: 400 }, estimated: false, ttftMs: 350, tokensPerSec: 60 });
  db.exec('BEGIN');
  for (let m = 0; m < MESSAGES; m++) {
    const user = m % 2 === 0;
    insert.run(
      `md-${m}`, m ? `md-${m - 1}` : null, m + 1 < MESSAGES ? `md-${m + 1}` : null, user ? 'user' : 'assistant',
      user ? `Question ${m}: how should the setup change?` : reply(m), user ? null : 'openai', user ? null : 'gpt-bench', user ? null : stats, m, m,
    );
  }
  db.exec('COMMIT');
  db.close();
}

/** Milliseconds for the HTML export of 2,000 messages whose 1,000 replies are all markdown (the second of two runs: the first loads KaTeX and the highlighter). */
export async function markdownExportMs(dir: string): Promise<number> {
  const folder = join(dir, 'markdown-export');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  build(join(folder, 'md.db'));
  const store = openStore(join(folder, 'md.db'));
  try {
    let ms = 0;
    for (const run of [1, 2]) {
      const t = performance.now();
      await writeExportFile(exportChunks(store, ['md'], 'html').chunks, join(folder, `run-${run}.html`), () => undefined);
      ms = performance.now() - t;
    }
    return ms;
  } finally {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
