// What the consent box shows and what consent is given to. The command line is written the way
// a POSIX shell would need it, every argument quoted where needed and nothing shortened, though
// Plume never runs it through a shell; the fingerprint covers the command, arguments, working
// directory and every environment value, so changing any of them asks again.
import { createHash } from 'node:crypto';
import type { StdioServerSpec } from './stdio-transport';

const PLAIN = /^[\w@%+=:,./-]+$/;

export function quoteArgument(arg: string): string {
  if (arg !== '' && PLAIN.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(spec: Pick<StdioServerSpec, 'command' | 'args'>): string {
  return [spec.command, ...spec.args].map(quoteArgument).join(' ');
}

export function consentFingerprint(spec: StdioServerSpec): string {
  const env = Object.entries(spec.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify([spec.command, spec.args, spec.cwd ?? '', env])).digest('hex');
}
