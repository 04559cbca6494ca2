// Child process for the full-disk lock test, run under `ulimit -f 0` (no file may grow by a byte):
// takes the data folder's lock as a starting host does, says so, and holds it until stdin closes.
import { lockDataFolder } from '../../../src/main/web-host/data-lock';

const lock = lockDataFolder(process.argv[2]!);
lock.announce('http://127.0.0.1:9');
process.stdout.write('locked\n');
process.stdin.resume();
process.stdin.on('end', () => {
  lock.release();
  process.exit(0);
});
