import { memo, useState } from 'react';
import { useCommand } from '../shell/use-command';
import { AttachmentList } from './attachments/AttachmentList';
import { CopyButton } from '../markdown';
import { ReplyBody } from './message/ReplyBody';
import { useProviderName } from '../providers/provider-names';
import type { ToolDecision } from '../../../shared/tool-calls';
import type { ChatItem } from './store/chat-store';
import { BranchSwitcher } from './BranchSwitcher';
import { statsLine } from './format';
import { ReplyError } from './ReplyError';
import { RetryCountdown } from './RetryCountdown';

export interface MessageActions {
  stop(): void;
  regenerate(id: string): void;
  edit(id: string, text: string): string | null;
  switchBranch(id: string, index: number): void;
  /** The user's answer to a tool call the streaming reply waits on. */
  decideTool?(callId: string, decision: ToolDecision): void;
  /** Opens the settings form of this provider (a reply it refused: bad key, no access). */
  openProviderSettings?(providerId: string): void;
}

interface Props {
  item: ChatItem;
  actions: MessageActions;
  /** No edits or regenerations while a reply streams. */
  busy: boolean;
  /** The message a search result pointed at. */
  found?: boolean;
  /** The newest message of its role: it answers "Edit last message" or "Regenerate last reply". */
  last?: boolean;
}

const STATE_LABEL: Partial<Record<ChatItem['state'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};

export const MessageItem = memo(function MessageItem({ item, actions, busy, found = false, last = false }: Props) {
  const streaming = item.state === 'streaming';
  const [raw, setRaw] = useState(false);
  const [editing, setEditing] = useState(false);
  const stats = item.role === 'assistant' ? statsLine(item, performance.now()) : null;
  const failed = item.state === 'error' || item.state === 'interrupted';
  const saved = !item.id.startsWith('tmp-') && !streaming;
  const providerName = useProviderName(item.providerId);
  const canAct = last && saved && !busy && !editing;
  useCommand('edit-last', canAct && item.role === 'user' ? () => setEditing(true) : null);
  useCommand('regenerate', canAct && item.role === 'assistant' ? () => actions.regenerate(item.id) : null);

  return (
    <article
      className={`message ${item.role}${found ? ' found' : ''}`}
      data-testid={`message-${item.role}`}
      data-message-id={item.id}
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
      <AttachmentList files={item.attachments} />
      {editing ? (
        <EditBox
          initial={item.text}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            const problem = actions.edit(item.id, text);
            if (!problem) setEditing(false);
            return problem;
          }}
        />
      ) : (
        <ReplyBody
          text={item.text}
          streaming={streaming}
          raw={raw || item.role === 'user'}
          calls={item.toolCalls}
          notices={item.toolNotices}
          onDecide={streaming ? actions.decideTool : undefined}
          onStop={streaming ? actions.stop : undefined}
        />
      )}
      {streaming && item.retry && <RetryCountdown retry={item.retry} />}
      {streaming && item.text === '' && !item.reasoning && !item.retry && !item.toolCalls?.length && <div className="waiting" aria-label="Waiting for the first token">…</div>}
      {item.error && (
        <ReplyError
          error={item.error}
          onOpenProvider={item.providerId && actions.openProviderSettings ? () => actions.openProviderSettings?.(item.providerId as string) : undefined}
        />
      )}
      {!editing && (
        <footer className="message-footer">
          {item.siblingCount > 1 && saved && (
            <BranchSwitcher index={item.siblingIndex} count={item.siblingCount} disabled={busy} onSwitch={(i) => actions.switchBranch(item.id, i)} />
          )}
          {item.role === 'assistant' && item.model && (
            <span className="reply-model" data-testid="reply-model">{providerName ? `${providerName} · ${item.model}` : item.model}</span>
          )}
          {STATE_LABEL[item.state] && <span className="badge">{STATE_LABEL[item.state]}</span>}
          {stats && <span className="stats" data-testid="reply-stats">{stats}</span>}
          {streaming && (
            <button type="button" className="link-button" onClick={actions.stop} aria-label="Stop this reply">Stop</button>
          )}
          {!streaming && item.text !== '' && (
            <>
              <CopyButton text={item.text} label="Copy message" />
              {item.role === 'assistant' && (
                <button type="button" className="link-button" aria-pressed={raw} onClick={() => setRaw(!raw)}>
                  {raw ? 'Rendered' : 'Raw markdown'}
                </button>
              )}
            </>
          )}
          {item.role === 'user' && saved && !busy && (
            <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label="Edit this message">Edit</button>
          )}
          {item.role === 'assistant' && saved && !busy && (
            <button type="button" className="link-button" onClick={() => actions.regenerate(item.id)} aria-label={failed || item.state === 'stopped' ? 'Retry this reply' : 'Regenerate this reply'}>
              {failed || item.state === 'stopped' ? 'Retry' : 'Regenerate'}
            </button>
          )}
        </footer>
      )}
    </article>
  );
});

function EditBox({ initial, onSave, onCancel }: { initial: string; onSave(text: string): string | null; onCancel(): void }) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form className="edit-box" onSubmit={(event) => { event.preventDefault(); setProblem(onSave(text)); }}>
      <textarea aria-label="Edit message" value={text} autoFocus rows={Math.min(12, text.split('\n').length + 1)} onChange={(e) => setText(e.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && onCancel()} />
      {problem && <p className="form-error" role="alert">{problem}</p>}
      <div className="form-actions">
        <button type="submit" className="primary">Save and send</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
