import { memo, useState } from 'react';
import { CopyButton } from '../markdown';
import { MessageBody } from '../message/MessageBody';
import type { ChatItem } from '../store/chat-store';
import { statsLine } from './format';

interface Props {
  item: ChatItem;
  onStop(id: string): void;
  onRetry(id: string): void;
}

const STATE_LABEL: Partial<Record<ChatItem['state'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};

export const MessageItem = memo(function MessageItem({ item, onStop, onRetry }: Props) {
  const streaming = item.state === 'streaming';
  const stats = item.role === 'assistant' ? statsLine(item, performance.now()) : null;
  const failed = item.state === 'error' || item.state === 'interrupted';
  const [raw, setRaw] = useState(false);
  return (
    <article
      className={`message ${item.role}`}
      data-testid={`message-${item.role}`}
      data-state={item.state}
      aria-busy={streaming}
      aria-label={item.role === 'user' ? 'You wrote' : 'Reply'}
    >
      {item.reasoning && (
        <details className="reasoning" open={streaming && item.text === ''}>
          <summary>Reasoning</summary>
          <div className="reasoning-text">{item.reasoning}</div>
        </details>
      )}
      <MessageBody text={item.text} streaming={streaming} raw={raw || item.role === 'user'} />
      {streaming && item.text === '' && !item.reasoning && <div className="waiting" aria-label="Waiting for the first token">…</div>}
      {item.error && (
        <div className="inline-error" role="alert" data-testid="reply-error" data-kind={item.error.kind}>
          <span>{item.error.message}</span>
          {item.error.detail && item.error.detail !== item.error.message && <span className="detail">{item.error.detail}</span>}
        </div>
      )}
      {item.role === 'assistant' && (
        <footer className="message-footer">
          {STATE_LABEL[item.state] && <span className="badge">{STATE_LABEL[item.state]}</span>}
          {stats && <span className="stats" data-testid="reply-stats">{stats}</span>}
          {streaming && (
            <button type="button" className="link-button" onClick={() => onStop(item.id)} aria-label="Stop this reply">
              Stop
            </button>
          )}
          {!streaming && item.text !== '' && (
            <>
              <CopyButton text={item.text} label="Copy message" />
              <button type="button" className="link-button" aria-pressed={raw} onClick={() => setRaw(!raw)}>
                {raw ? 'Rendered' : 'Raw markdown'}
              </button>
            </>
          )}
          {(failed || item.state === 'stopped') && (
            <button type="button" className="link-button" onClick={() => onRetry(item.id)} aria-label="Retry this reply">
              Retry
            </button>
          )}
        </footer>
      )}
    </article>
  );
});
