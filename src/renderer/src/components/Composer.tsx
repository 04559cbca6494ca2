import { useState, type KeyboardEvent } from 'react';

interface Props {
  streaming: boolean;
  disabled: boolean;
  onSend(text: string): string | null;
  onStop(): void;
}

export function Composer({ streaming, disabled, onSend, onStop }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const send = () => {
    const problem = onSend(text);
    setError(problem);
    if (!problem) setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!streaming) send();
    }
  };

  return (
    <form className="composer" onSubmit={(event) => { event.preventDefault(); if (!streaming) send(); }}>
      {error && <p className="composer-error" role="alert">{error}</p>}
      <div className="composer-row">
        <textarea
          aria-label="Message"
          placeholder="Message (Enter to send, Shift+Enter for a new line)"
          value={text}
          rows={3}
          disabled={disabled}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {streaming ? (
          <button type="button" className="primary stop" onClick={onStop} aria-label="Stop">
            Stop
          </button>
        ) : (
          <button type="submit" className="primary" disabled={disabled} aria-label="Send">
            Send
          </button>
        )}
      </div>
    </form>
  );
}
