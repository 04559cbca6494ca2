// Files dropped anywhere on the window are attached, not just on the composer: a person aims at
// the conversation as often as at the text box. `dropping` drives the visible drop overlay.
import { useEffect, useRef, useState } from 'react';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function useWindowDrop(onFiles: (files: File[]) => void, enabled: boolean): boolean {
  const [dropping, setDropping] = useState(false);
  const latest = useRef({ onFiles, enabled });
  latest.current = { onFiles, enabled };

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDropping(latest.current.enabled);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Always: a file dropped where nothing takes it would otherwise replace the page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.enabled ? 'copy' : 'none';
      setDropping(latest.current.enabled);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0 || event.relatedTarget === null) setDropping(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDropping(false);
      if (latest.current.enabled) latest.current.onFiles(Array.from(event.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return dropping;
}
