// Where a reply meets the conversation store: the rows are created before the request starts
// (so a crash leaves an interrupted reply, not nothing) and checkpointed while it streams.
import type { ChatMessage, ReplyPlacement, StreamRequest } from '../../shared/chat';
import type { PathMessage } from '../../shared/conversations';
import { checkUploads } from '../attachments/check';
import type { PlumeError } from '../../shared/provider-events';
import type { ReplyCheckpointer } from '../store/checkpointer';
import { transaction } from '../store/database';
import { isDiskFull } from '../store/disk-full';
import { STOP_MESSAGES } from '../stream/failure';
import type { Store } from '../store/store';
import { toolHistory } from './history-tool-turns';
import { InvalidInput } from './request-validation';

export interface PreparedReply {
  placement: ReplyPlacement;
  /** What the model sees: the active path up to the message being answered. */
  history: ChatMessage[];
  checkpointer: ReplyCheckpointer;
}

export function prepareReply(store: Store, request: StreamRequest): PreparedReply {
  const { conversationId, action } = request;
  if (!store.conversations.get(conversationId)) throw new InvalidInput('That conversation no longer exists.');
  const target = { providerId: request.providerId, model: request.model };
  store.conversations.setModel(conversationId, request.providerId, request.model, request.options ?? {});
  store.conversations.setSystemPrompt(conversationId, request.system ?? '');

  let checkpointer: ReplyCheckpointer;
  switch (action.kind) {
    case 'send': {
      // Validated on arrival; checked again here for the bytes and hashes.
      const files = checkUploads(action.attachments);
      checkpointer = transaction(store.db, () => {
        const user = store.messages.appendUser(conversationId, action.text);
        store.attachments.add(user.id, files);
        return store.messages.beginAssistant(conversationId, target);
      });
      break;
    }
    case 'edit': {
      const files = checkUploads(action.attachments);
      const old = requireMessage(store, action.messageId, conversationId);
      checkpointer = transaction(store.db, () => {
        const edited = store.messages.editUser(old.id, action.text);
        // The new version keeps the files of the one it replaces.
        store.attachments.copy(old.id, edited.id);
        store.attachments.add(edited.id, files);
        return store.messages.beginAssistant(conversationId, { ...target, parentId: edited.id });
      });
      break;
    }
    case 'regenerate': {
      const old = requireMessage(store, action.messageId, conversationId);
      checkpointer =
        old.role === 'assistant'
          ? store.messages.regenerate(old.id, target)
          : store.messages.beginAssistant(conversationId, { ...target, parentId: old.id });
      break;
    }
  }

  const path = store.messages.activePath(conversationId);
  const replyAt = path.findIndex((m) => m.id === checkpointer.messageId);
  const answered = path[replyAt - 1];
  if (replyAt < 1 || !answered) throw new InvalidInput('Could not place the reply in the conversation.');
  return {
    placement: { conversationId, userMessageId: answered.id, assistantMessageId: checkpointer.messageId },
    history: toHistory(store, path.slice(0, replyAt)),
    checkpointer,
  };
}

/** What the window says when a reply's row could not be written. */
export function replySaveFailure(error: unknown): PlumeError {
  return isDiskFull(error) ? STOP_MESSAGES.diskFull() : STOP_MESSAGES.notSaved((error as Error)?.message ?? String(error));
}

function requireMessage(store: Store, id: string, conversationId: string) {
  const message = store.messages.get(id);
  if (!message || message.conversationId !== conversationId) throw new InvalidInput('That message no longer exists.');
  return message;
}

/**
 * Replies that failed before any text or tool call carry nothing for the model. Files go with
 * every turn: the providers keep no state, so an image asked about earlier is sent again. An
 * earlier reply's tool calls and results go back too, or the model would lose what its tools told it.
 */
function toHistory(store: Store, path: PathMessage[]): ChatMessage[] {
  return path.flatMap((m): ChatMessage[] => {
    if (m.role === 'assistant' && m.toolCalls?.length) {
      const { turns, rest } = toolHistory(m.text, m.toolCalls);
      if (turns.length) return [{ role: 'assistant', content: rest, toolTurns: turns }];
      if (rest !== '') return [{ role: 'assistant', content: rest }];
    }
    if (m.role === 'assistant' && m.text === '') return [];
    return [m.attachments?.length ? { role: m.role, content: m.text, attachments: store.attachments.forModel(m.id) } : { role: m.role, content: m.text }];
  });
}
