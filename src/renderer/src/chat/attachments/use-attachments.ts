// The composer's files: added by picker, paste or drop, each read and checked on the way in;
// a file that cannot be attached is reported without touching the others or the text.
import { useCallback, useRef, useState } from 'react';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../../../../shared/limits';
import { FileProblem, readPicked } from './read-file';
import { ImageProblem } from './image';
import type { PendingFile } from './types';

export function useAttachments() {
  const [files, setFilesState] = useState<PendingFile[]>([]);
  // Reads are async: the count of chips must be the latest, not the one of the render that started them.
  const current = useRef<PendingFile[]>([]);
  const setFiles = useCallback((next: PendingFile[]) => {
    current.current = next;
    setFilesState(next);
  }, []);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(0);

  const add = useCallback(async (picked: readonly File[]) => {
    if (picked.length === 0) return;
    setReading((n) => n + 1);
    const problems: string[] = [];
    const read: PendingFile[] = [];
    for (const file of picked) {
      try {
        read.push(await readPicked(file));
      } catch (error) {
        const known = error instanceof FileProblem || error instanceof ImageProblem;
        problems.push(known ? error.message : `“${file.name}” could not be read (${(error as Error).message}).`);
      }
    }
    const room = Math.max(0, MAX_ATTACHMENTS_PER_MESSAGE - current.current.length);
    if (read.length > room) problems.push(`One message can carry at most ${MAX_ATTACHMENTS_PER_MESSAGE} files; ${read.length - room} were left out.`);
    setFiles([...current.current, ...read.slice(0, room)]);
    setProblem(problems.length ? problems.join(' ') : null);
    setReading((n) => n - 1);
  }, [setFiles]);

  const remove = useCallback(
    (id: string) => {
      const next = current.current.filter((f) => f.id !== id);
      setFiles(next);
      // What was said about refused or left-out files belongs to this set of chips: gone with it.
      if (next.length === 0) setProblem(null);
    },
    [setFiles],
  );
  const clear = useCallback(() => {
    setFiles([]);
    setProblem(null);
  }, [setFiles]);

  return { files, problem, setProblem, reading: reading > 0, add, remove, clear };
}
