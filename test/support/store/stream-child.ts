// Child process for the crash test: streams a reply into the store the way the app does
// (update on every token, the checkpointer decides when to write) until it is killed.
// Protocol on stdout: "id <messageId>" once, then "n <tokens so far> <epoch ms>" per token.
import { openStore } from '../../../src/main/store/store.ts';
import { tokenAt } from './stream-text.ts';

const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: stream-child.ts <db path>');
const store = openStore(dbPath);
const conv = store.conversations.create({ title: `crash run ${process.pid}` });
store.messages.appendUser(conv.id, 'Tell me a long story.');
const reply = store.messages.beginAssistant(conv.id, { providerId: 'fake', model: 'fake-model' });
process.stdout.write(`id ${reply.messageId}\n`);

let text = '';
let n = 0;
// About 200 tokens a second, like a fast model.
setInterval(() => {
  text += tokenAt(n++);
  reply.update(text, '');
  process.stdout.write(`n ${n} ${Date.now()}\n`);
}, 5);
