import { useEffect, useRef } from 'react';
import { UNDO_WINDOW_MS } from '../../../shared/conversations';

/** Shown for the Undo window (main erases the conversation after it) from when it mounts: a parent keys it by what was deleted. */
export function UndoToast({ message, onUndo, onDismiss }: { message: string; onUndo(): void; onDismiss(): void }) {
  // The parent passes a new onDismiss on every render, and the chat renders every frame while a
  // reply streams: the timer must not restart with it, or the toast never goes away.
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    const timer = setTimeout(() => dismiss.current(), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="toast" role="status">
      <span>{message}</span>
      <button type="button" className="link-button" onClick={onUndo}>Undo</button>
    </div>
  );
}
