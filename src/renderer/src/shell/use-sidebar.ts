// Whether the conversation sidebar shows. Wide windows dock it and remember the toggle; below
// DOCK_MIN_PX it is hidden behind the toggle and, when opened, lies over the chat until a
// conversation is picked, Esc is pressed or the scrim is clicked.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export const DOCK_MIN_PX = 900;
const STORAGE_KEY = 'plume.sidebarHidden';
const query = `(min-width: ${DOCK_MIN_PX}px)`;

function subscribe(change: () => void): () => void {
  const list = window.matchMedia(query);
  list.addEventListener('change', change);
  return () => list.removeEventListener('change', change);
}

export function useSidebar() {
  const docked = useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
  const [hiddenWide, setHiddenWide] = useState(() => {
    try {
      return localStorage.getItem(STORAGE_KEY) === '1';
    } catch {
      return false;
    }
  });
  const [openNarrow, setOpenNarrow] = useState(false);

  // Narrowing the window closes an overlay left open, so it does not cover the chat unasked.
  useEffect(() => setOpenNarrow(false), [docked]);

  const open = docked ? !hiddenWide : openNarrow;
  const toggle = useCallback(() => {
    if (!docked) return setOpenNarrow((was) => !was);
    setHiddenWide((was) => {
      try {
        localStorage.setItem(STORAGE_KEY, was ? '0' : '1');
      } catch {
        // The toggle then lasts for this session only.
      }
      return !was;
    });
  }, [docked]);
  /** After picking something in an overlay, give the chat back its room. */
  const dismissOverlay = useCallback(() => setOpenNarrow(false), []);

  return { open, overlay: !docked, toggle, dismissOverlay };
}
