// A modal question with a few answers ("Save / Discard / Cancel", "Remove / Cancel"). Esc and
// Cancel answer 'cancel'; focus starts on the first answer and goes back where it was on close.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ConfirmChoice<T extends string> {
  value: T;
  label: string;
  tone?: 'primary' | 'danger';
}

interface Props<T extends string> {
  title: string;
  children: ReactNode;
  choices: ConfirmChoice<T>[];
  onAnswer(answer: T | 'cancel'): void;
  /** The body is controls to fill in (not a question to read out), so it does not describe the dialog. */
  form?: boolean;
}

export function ConfirmDialog<T extends string>({ title, children, choices, onAnswer, form = false }: Props<T>) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const returnTo = document.activeElement;
    dialog.current?.showModal();
    return () => {
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={form ? undefined : `${id}-body`}
      // Esc is answered here (marked handled, so the page's own Esc, e.g. leaving Settings, keeps out).
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onAnswer('cancel');
      }}
      onCancel={(event) => {
        event.preventDefault();
        onAnswer('cancel');
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="form-actions">
        {choices.map((choice, index) => (
          <button key={choice.value} type="button" className={choice.tone} autoFocus={index === 0} onClick={() => onAnswer(choice.value)}>
            {choice.label}
          </button>
        ))}
        <button type="button" onClick={() => onAnswer('cancel')}>Cancel</button>
      </div>
    </dialog>
  );
}
