// While a dialog or panel is open, remember what had focus before it; when it closes, give focus
// back there (or to the composer, if that element is gone), so keyboard users never land nowhere.
import { useEffect, useState } from 'react';

export function useReturnFocus(): void {
  // Read while rendering, before an autoFocus inside the dialog moves focus.
  const [before] = useState(() => document.activeElement);
  useEffect(() => {
    return () => {
      // After React has removed the dialog, so its own elements cannot take focus back.
      queueMicrotask(() => {
        // Focus moved on by itself (the user clicked elsewhere, another chat opened): leave it.
        if (document.activeElement && document.activeElement !== document.body) return;
        if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
        else document.querySelector<HTMLElement>('textarea[aria-label="Message"]')?.focus();
      });
    };
  }, [before]);
}
