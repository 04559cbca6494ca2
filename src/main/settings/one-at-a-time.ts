// Read-modify-write of one small file must not interleave with another in the same process, or
// the second write would be based on a file the first was about to change.

export type Serializer = <T>(work: () => Promise<T>) => Promise<T>;

export function oneAtATime(): Serializer {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
