// A live reply's text in the window: what arrives between two frames is joined once, in order,
// and the row shows the end the way main reported it, or the loss with the text so far.
import { describe, expect, it } from 'vitest';
import type { ReplyOutcome } from '../../../src/shared/chat';
import type { ChatItem } from '../../../src/renderer/src/chat/store/chat-item';
import { ReplyText } from '../../../src/renderer/src/chat/store/reply-text';

const row: ChatItem = { id: 'tmp-2', key: 'tmp-2', role: 'assistant', text: '', reasoning: '', state: 'streaming', siblingIndex: 0, siblingCount: 1 };
const stopped: ReplyOutcome = { state: 'stopped', stats: { usage: {}, estimated: true } };

describe('ReplyText', () => {
  it('folds the messages of a frame in order, and the row takes the saved id once placed', () => {
    const reply = new ReplyText();
    reply.apply({ t: 'delta', seq: 1, text: '', reasoning: '', placement: { conversationId: 'c', userMessageId: 'u', assistantMessageId: 'a' } });
    reply.apply({ t: 'delta', seq: 2, text: 'Héllo ', reasoning: 'think', ttftMs: 42 });
    reply.apply({ t: 'delta', seq: 3, text: '🎉 world', reasoning: '' });
    // Nothing is joined before the frame.
    expect(reply.toItem(row).text).toBe('');
    reply.fold(1000);
    reply.apply({ t: 'end', seq: 4, text: '.', reasoning: '', outcome: stopped });
    reply.fold(2000);
    const item = reply.toItem(row);
    expect(item).toMatchObject({ id: 'a', key: 'tmp-2', text: 'Héllo 🎉 world.', reasoning: 'think', ttftMs: 42, firstTokenAt: 1000, state: 'stopped' });
    expect(reply.settled).toBe(true);
  });

  it('a lost connection keeps the text and marks the row interrupted; with no text, an error', () => {
    const withText = new ReplyText();
    withText.apply({ t: 'delta', seq: 1, text: 'Partial', reasoning: '' });
    withText.lost = { kind: 'connection_lost', message: 'Lost the connection.' };
    withText.fold(0);
    expect(withText.toItem(row)).toMatchObject({ text: 'Partial', state: 'interrupted', error: { kind: 'connection_lost' } });

    const empty = new ReplyText();
    empty.lost = { kind: 'unreachable', message: 'Could not reach Plume.' };
    expect(empty.toItem(row)).toMatchObject({ text: '', state: 'error', error: { kind: 'unreachable' } });
  });
});
