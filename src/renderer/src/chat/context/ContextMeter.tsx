// How much of the model's context window this conversation uses, and a warning before sending a
// message that would not fit, saying what to do about it. For Ollama and LM Studio the context
// the model is loaded with is what counts: beyond it, the oldest part is silently dropped.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ContextWindowInfo } from '../../../../shared/context-window';
import { estimateTokens } from '../../../../shared/context-window';
import type { AttachmentSummary } from '../attachments/types';
import { bridge } from '../../bridge';
import type { ChatStore } from '../store/chat-store';
import { conversationTokens, filesTokens } from './estimate';
import './context.css';

interface Props {
  store: ChatStore;
  target: { providerId: string; model: string } | null;
  draftChars: number;
  files: readonly Pick<AttachmentSummary, 'kind' | 'size'>[];
}

export function ContextMeter({ store, target, draftChars, files }: Props) {
  const streaming = useSyncExternalStore(store.subscribe, () => store.getSnapshot().streaming);
  const history = useHistoryTokens(store);
  const info = useContextWindow(target, streaming);
  if (!target || !info) return null;
  const limit = info.loadedTokens ?? info.tokens;
  if (history === null) {
    return (
      <div className="context-meter" data-testid="context-meter">
        <span>Counting… of {compact(limit)} tokens</span>
      </div>
    );
  }
  const used = history + estimateTokens(draftChars) + filesTokens(files);
  const share = Math.min(1, used / limit);
  return (
    <div className="context-meter" data-testid="context-meter">
      <meter aria-label="Context window used" min={0} max={limit} low={limit * 0.7} high={limit * 0.9} optimum={0} value={Math.min(used, limit)} />
      <span>
        ~{compact(used)} of {compact(limit)} tokens{info.source === 'table' ? ' (typical for this model)' : ''}
        <span className="visually-hidden"> ({Math.round(share * 100)}%)</span>
      </span>
      {used > limit && (
        <p className="composer-error" role="alert" data-testid="context-warning">
          {overflowText(target.model, info, used)}
        </p>
      )}
    </div>
  );
}

function overflowText(model: string, info: ContextWindowInfo, used: number): string {
  if (info.loadedTokens !== undefined && used <= info.tokens) {
    return `${info.loadedBy ?? 'The server'} has ${model} loaded with a ${compact(info.loadedTokens)}-token context, and this conversation is about ${compact(used)} tokens: the oldest part will be silently dropped. Start a new chat, or load the model with a larger context length${info.loadedBy === 'Ollama' ? ' (num_ctx)' : ''}.`;
  }
  return `This would not fit: the conversation is about ${compact(used)} tokens and ${model} takes ${compact(info.tokens)}. Start a new chat, remove attachments, or pick a model with a larger context window.`;
}

/**
 * The conversation's size, counted when no reply streams: a streaming reply publishes every
 * frame, and the meter need not re-render with it (the reply's usage arrives at its end).
 */
function useHistoryTokens(store: ChatStore): number | null {
  const last = useRef<number | null>(0);
  const counted = useSyncExternalStore(store.subscribe, () => {
    const chat = store.getSnapshot();
    return chat.streaming ? -1 : conversationTokens(chat.items, chat.olderPending);
  });
  if (counted !== -1) last.current = counted;
  return last.current;
}

/** Asked again when the model changes and after each reply (a local server may have reloaded it). */
function useContextWindow(target: Props['target'], streaming: boolean): ContextWindowInfo | null {
  const [found, setFound] = useState<{ key: string; info: ContextWindowInfo | null } | null>(null);
  const key = target ? `${target.providerId}\n${target.model}` : '';
  useEffect(() => {
    if (!target || streaming) return; // while a reply streams, the last answer stands
    let current = true;
    bridge
      .invoke('providers:contextWindow', { providerId: target.providerId, model: target.model })
      .then((info) => current && setFound({ key, info }))
      .catch(() => current && setFound({ key, info: null })); // unknown is shown as nothing, never as an error
    return () => {
      current = false;
    };
    // `target` is read through `key`: a new object for the same model asks nothing new.
  }, [key, streaming]);
  return found?.key === key ? found.info : null;
}

/** 950 → "950", 12,345 → "12k", 1,048,576 → "1M". */
function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
  return `${Number((n / 1_000_000).toFixed(1))}M`;
}
