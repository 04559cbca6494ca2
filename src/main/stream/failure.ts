// Turns whatever a provider adapter threw into a PlumeError with plain words.
import type { PlumeError } from '../../shared/provider-events';

export function asPlumeError(error: unknown): PlumeError {
  if (typeof error === 'object' && error !== null && 'plume' in error) {
    return (error as { plume: PlumeError }).plume;
  }
  // Adapters classify everything they throw; reaching here is a bug, but the user still deserves
  // a sentence rather than a stack trace.
  const text = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', message: `Something went wrong while streaming the reply: ${text}` };
}

export const STOP_MESSAGES = {
  diskFull: (): PlumeError => ({
    kind: 'storage',
    message: 'Disk full — your text so far is kept in memory; free space and press Retry.',
  }),
  notSaved: (why: string): PlumeError => ({
    kind: 'storage',
    message: `The reply could not be saved (${why}) — your text so far is kept in memory; press Retry once that is fixed.`,
  }),
  tooLong: (limitMB: number): PlumeError => ({
    kind: 'too_long',
    message: `The reply passed ${limitMB} MB of text, the longest allowed (Settings), so it was stopped. The text so far is kept.`,
  }),
  // `kept`: some text (or reasoning) had arrived. Saying it is kept when nothing came is untrue.
  stalled: (seconds: number, kept: boolean): PlumeError => ({
    kind: 'stalled',
    message: kept
      ? `The provider sent nothing for ${seconds} s, so the reply was stopped. The text so far is kept.`
      : `The provider sent nothing for ${seconds} s, so the reply was stopped before any text arrived.`,
  }),
  interrupted: (kept: boolean): PlumeError => ({
    kind: 'interrupted',
    message: kept
      ? 'The connection ended before the reply was complete. The text so far is kept.'
      : 'The connection ended before any text of the reply arrived.',
  }),
  windowGone: (): PlumeError => ({
    kind: 'interrupted',
    message: 'The window closed before the reply finished.',
  }),
};
