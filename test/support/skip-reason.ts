// A skipped test must say why in the run's output, so a missing tool on a machine never passes
// for a green run in silence.

/** True (skip) when `present` is false, printing the reason once. */
export function missing(present: boolean, reason: string): boolean {
  if (!present) console.warn(`\n[plume] skipped: ${reason}\n`);
  return !present;
}
