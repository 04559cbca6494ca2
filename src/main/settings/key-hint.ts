// The only thing the renderer ever learns about a key.
export function keyHint(key: string): string {
  if (key.length <= 8) return '••••';
  const prefix = key.match(/^[a-z]{2,4}-/i)?.[0] ?? '';
  return `${prefix}…${key.slice(-4)}`;
}
