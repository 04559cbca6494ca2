// A passing notice ("Imported 3 conversations"): it goes away by itself after a few seconds, or
// at once when clicked, so it never sits on screen for the rest of the session. A notice that
// says work is still going on ("Making the PDF…") stays until the next one replaces it.
import { useEffect, useRef } from 'react';

export const NOTICE_MS = 6000;

export function Notice({ text, onDismiss }: { text: string; onDismiss(): void }) {
  // The parent re-renders every frame while a reply streams: the timer must not restart with it.
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  const ongoing = text.endsWith('…');
  useEffect(() => {
    if (ongoing) return;
    const timer = setTimeout(() => dismiss.current(), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [text, ongoing]);
  return (
    <p className="notice dismissible" role="status">
      <button type="button" className="notice-button" title="Dismiss" onClick={() => dismiss.current()}>
        {text}
      </button>
    </p>
  );
}
