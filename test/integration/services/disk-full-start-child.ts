// Child process for the full-disk start test, run under `ulimit -f 0` (no file may grow by a
// byte): opens the data folder the way the app does and prints one JSON line with what the user
// would get — the status, the conversations listed, and the answer to a write.
import { DatabaseKeeper } from '../../../src/main/services/database-keeper';

const keeper = new DatabaseKeeper(process.argv[2]!);
let writeError: string | null = null;
try {
  keeper.store.conversations.create();
} catch (error) {
  writeError = (error as Error).message;
}
const status = keeper.status();
const titles = keeper.store.conversations.list({ limit: 10 }).items.map((c) => c.title);
keeper.close();
process.stdout.write(`${JSON.stringify({ state: status.state, readOnly: status.readOnly ?? null, problem: status.problem, titles, writeError })}\n`);
