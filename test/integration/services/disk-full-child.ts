// Child process for the disk-full test, started under `ulimit -f` so the database's files cannot
// grow past a few hundred KB: runs the real service, streams a long reply from a fake provider,
// then checks the app still answers. Prints one JSON line: the reply's end and what followed.
import { startFakeOpenAI } from '../../support/fake-providers';
import { startService } from '../attachments/service';

const fake = await startFakeOpenAI();
const app = await startService({ kind: 'openai', baseURL: fake.baseURL, model: 'gpt-disk' });
const conversation = await app.call('conversations:create', { providerId: app.providerId, model: 'gpt-disk' });
// 2 MB in 400 pieces over ~2 s: several checkpoints, each larger than the file-size limit allows.
fake.replyText('word '.repeat(400_000), { tokens: 400, everyMs: 5 });
const reply = await app.reply(conversation.id, { kind: 'send', text: 'Write a lot.', attachments: [] });
// The app must still answer after the failed writes.
const list = await app.call('conversations:list', {});
process.stdout.write(
  `${JSON.stringify({ outcome: reply.ended?.outcome, received: reply.text.length, conversations: list.items.length })}\n`,
);
app.close();
await fake.close();
