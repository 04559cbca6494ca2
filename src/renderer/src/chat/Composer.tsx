import { ArrowUp, Paperclip, Square } from 'lucide-react';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { AttachmentChips } from './attachments/AttachmentChips';
import { blockerFor, needsVisionWarning, prepareForSend, SendProblem } from './attachments/prepare';
import { ImageProblem } from './attachments/image';
import type { PendingFile, PreparedAttachment, SendTarget } from './attachments/types';
import { useAttachments } from './attachments/use-attachments';
import { useWindowDrop } from './attachments/use-window-drop';
import { VisionWarning } from './attachments/VisionWarning';
import './attachments/attachments.css';
import { readDraft, writeDraft } from './drafts';
import { isSendPress, useSendKey } from './send-key';
import { IconButton } from '../shell/IconButton';
import { ToolServersControl } from './tools/ToolServersControl';

interface Props {
  /** Whose draft the composer holds: each conversation keeps its own. */
  conversationId: string | null;
  streaming: boolean;
  disabled: boolean;
  /** Where the message goes; without it files cannot be prepared. */
  target?: SendTarget | null;
  /** Returns a problem to show instead of sending; the text and files then stay. */
  onSend(text: string, attachments: PreparedAttachment[]): string | null;
  onStop(): void;
  /** Offered when images would go to a model that probably cannot see them. */
  onChooseModel?(model: string): void;
  /** Shows what the draft adds to the conversation (the context meter). */
  renderContext?(draftChars: number, files: readonly PendingFile[]): ReactNode;
}

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Composer({ conversationId, streaming, disabled, target, onSend, onStop, onChooseModel, renderContext }: Props) {
  const [text, setDraftText] = useState(() => readDraft(conversationId));
  const [draftOf, setDraftOf] = useState(conversationId);
  if (draftOf !== conversationId) {
    // Another conversation: show its own draft, in the same render.
    setDraftOf(conversationId);
    setDraftText(readDraft(conversationId));
  }
  const setText = (next: string) => {
    setDraftText(next);
    writeDraft(conversationId, next);
  };
  const mode = useSendKey();
  const field = useRef<HTMLTextAreaElement>(null);
  // A new chat, another conversation or a reload: ready to type.
  useEffect(() => {
    if (!field.current?.disabled) field.current?.focus();
  }, [conversationId]);
  const [error, setError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [visionInsisted, setVisionInsisted] = useState(false);
  const attachments = useAttachments();
  const picker = useRef<HTMLInputElement>(null);
  const { files } = attachments;
  const dropping = useWindowDrop((dropped) => void attachments.add(dropped), !disabled);
  const warnVision = !!target && needsVisionWarning(files, target);
  const blocker = target && files.length ? blockerFor(files, target) : null;

  // A problem about files that are gone, or a model since changed, no longer applies.
  useEffect(() => {
    setError(null);
    setVisionInsisted(false);
  }, [files.length, target?.model, target?.kind]);

  const send = async (anyway = false) => {
    // While this conversation answers, onSend refuses with a message rather than staying silent.
    if (preparing) return;
    let prepared: PreparedAttachment[] = [];
    if (files.length) {
      if (!target) return setError('Choose a provider first.');
      if (blocker) return setError(blocker);
      // The warning above the chips already says it and offers Send anyway: it speaks up, and
      // no second message in another style repeats it.
      if (warnVision && !anyway) return setVisionInsisted(true);
      setPreparing(true);
      try {
        prepared = await prepareForSend(files, target);
      } catch (problem) {
        const known = problem instanceof SendProblem || problem instanceof ImageProblem;
        return setError(known ? problem.message : `The files could not be prepared: ${(problem as Error).message}`);
      } finally {
        setPreparing(false);
      }
    }
    const problem = onSend(text, prepared);
    setError(problem);
    if (!problem) {
      setText('');
      attachments.clear();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSendPress(event, mode) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = Array.from(event.clipboardData.files);
    if (pasted.length === 0) return;
    // Copying from a document can carry its text as well as a picture of it: keep the text paste.
    if (!event.clipboardData.types.includes('text/plain')) event.preventDefault();
    void attachments.add(pasted);
  };

  const problem = error ?? attachments.problem;
  return (
    <form className={`composer${dropping ? ' dropping' : ''}`} onSubmit={(event) => { event.preventDefault(); void send(); }}>
      {dropping && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <p>Drop files to attach them</p>
        </div>
      )}
      {problem && <p className="composer-error" role="alert">{problem}</p>}
      {!error && blocker && <p className="composer-error" role="alert">{blocker}</p>}
      {warnVision && target && (
        <VisionWarning target={target} insisted={visionInsisted} busy={preparing || streaming} onChooseModel={onChooseModel} onSendAnyway={() => void send(true)} />
      )}
      {renderContext?.(text.length, files)}
      <AttachmentChips files={files} onRemove={attachments.remove} disabled={preparing} />
      <div className="composer-row">
        <IconButton icon={Paperclip} label="Attach files" className="attach" tipAlign="start" tipSide="top" disabled={disabled || preparing} onClick={() => picker.current?.click()} />
        <input
          ref={picker}
          type="file"
          multiple
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Files to attach"
          onChange={(event) => {
            void attachments.add(Array.from(event.target.files ?? []));
            event.target.value = ''; // picking the same file again still fires a change
          }}
        />
        <textarea
          ref={field}
          aria-label="Message"
          placeholder={mode === 'enter' ? 'Message (Enter to send, Shift+Enter for a new line)' : `Message (${mac ? '⌘' : 'Ctrl'}+Enter to send, Enter for a new line)`}
          value={text}
          rows={1}
          disabled={disabled}
          readOnly={preparing}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        {streaming ? (
          <IconButton icon={Square} label="Stop" className="send-button stop" tipAlign="end" tipSide="top" onClick={onStop} />
        ) : (
          <IconButton
            icon={ArrowUp}
            type="submit"
            label={preparing ? 'Preparing…' : 'Send'}
            shortcut={mode === 'enter' ? 'Enter' : `${mac ? '⌘' : 'Ctrl'}+Enter`}
            className="send-button"
            tipAlign="end"
            tipSide="top"
            disabled={disabled || preparing || attachments.reading || (text.trim() === '' && files.length === 0)}
          />
        )}
      </div>
      <ToolServersControl conversationId={conversationId} />
    </form>
  );
}
