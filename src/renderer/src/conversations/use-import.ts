// Importing a file from the window: through an upload where the bridge has one (browser mode),
// else as text; the progress main reports is polled while the call runs, and Cancel asks main to
// stop between slices (it then removes what it had written).
import { useCallback, useRef, useState } from 'react';
import type { ImportJobProgress, ImportResult } from '../../../shared/conversations';
import { bridge } from '../bridge';

const POLL_MS = 300;

export interface RunningImport {
  name: string;
  progress: ImportJobProgress | null;
  cancel(): void;
}

export function useImport(): { running: RunningImport | null; importFile(file: File): Promise<ImportResult> } {
  const [running, setRunning] = useState<RunningImport | null>(null);
  const busy = useRef(false);

  const importFile = useCallback(async (file: File) => {
    if (busy.current) throw new Error('An import is already running.');
    busy.current = true;
    const jobId = crypto.randomUUID();
    const cancel = () => void bridge.invoke('import:cancel', { jobId }).catch(() => undefined);
    setRunning({ name: file.name, progress: null, cancel });
    const poll = setInterval(() => {
      void bridge.invoke('import:progress', { jobId }).then(
        (progress) => progress && setRunning((r) => (r ? { ...r, progress } : r)),
        () => undefined,
      );
    }, POLL_MS);
    try {
      return bridge.importFile ? await bridge.importFile(file, jobId) : await bridge.invoke('import:file', { text: await file.text(), jobId });
    } finally {
      clearInterval(poll);
      busy.current = false;
      setRunning(null);
    }
  }, []);

  return { running, importFile };
}
