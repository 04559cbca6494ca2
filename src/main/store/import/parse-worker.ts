// The worker thread that reads and checks an import file (see parse-off-thread.ts): it receives
// the text once, converts every conversation (a bad file fails here, before anything is written),
// then hands the conversations over in batches, one per request, so the host only ever
// deserializes a small piece between its other work.
import { parentPort } from 'node:worker_threads';
import type { ConversationSnapshot } from '../snapshot.ts';
import { parseImport } from './index.ts';
import type { FromParser, ToParser } from './parse-off-thread.ts';

/**
 * A batch ends after this many conversations or about this many characters of content: taking a
 * batch over is work on the host's thread (1,000 conversations held it about 60 ms).
 */
const BATCH_CONVERSATIONS = 250;
const BATCH_CHARS = 1_000_000;

const port = parentPort!;
let conversations: Array<ConversationSnapshot | undefined> = [];
let next = 0;

function send(message: FromParser): void {
  port.postMessage(message);
}

function contentChars(c: ConversationSnapshot): number {
  let chars = c.title.length + c.systemPrompt.length;
  for (const m of c.messages) {
    chars += m.text.length + m.reasoning.length + 200;
    for (const a of m.attachments ?? []) chars += a.data.length + (a.thumbnail?.length ?? 0);
  }
  return chars;
}

port.on('message', (message: ToParser) => {
  if (message.type === 'parse') {
    try {
      const parsed = parseImport(message.text);
      conversations = parsed.conversations;
      send({ type: 'parsed', format: parsed.format, total: conversations.length });
    } catch (error) {
      const e = error as Error & { where?: string };
      send({ type: 'failed', name: e.name, message: e.message, where: e.where });
    }
    return;
  }
  const batch: ConversationSnapshot[] = [];
  for (let chars = 0; next < conversations.length && batch.length < BATCH_CONVERSATIONS && (batch.length === 0 || chars < BATCH_CHARS); next++) {
    const c = conversations[next]!;
    // Handed over: the worker lets go of it, so the file is held about once, not twice.
    conversations[next] = undefined;
    chars += contentChars(c);
    batch.push(c);
  }
  send({ type: 'batch', conversations: batch });
});
