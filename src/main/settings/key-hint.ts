// The only thing the renderer ever learns about a key: its last 4 characters, and only when the
// key is long enough (16+) that 4 characters say little about the rest. No prefix: at most 4
// characters of any key leave main.
const MIN_LENGTH_FOR_TAIL = 16;

export function keyHint(key: string): string {
  return key.length >= MIN_LENGTH_FOR_TAIL ? `…${key.slice(-4)}` : '••••';
}
