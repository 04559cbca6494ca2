// The seam between the conversation and how a message's text is drawn: streaming markdown by
// default, the raw text on request.
import { memo } from 'react';
import { hasLongWord, LongText, MarkdownMessage } from '../../markdown';

interface Props {
  text: string;
  streaming: boolean;
  raw?: boolean;
}

export const MessageBody = memo(function MessageBody({ text, streaming, raw = false }: Props) {
  // Raw text with a huge unbroken word still needs chunks: one wrapped megabyte takes Chromium seconds.
  const plain = hasLongWord(text) ? <LongText text={text} /> : text;
  return (
    <div className={raw ? 'message-text plain' : 'message-text'} data-raw={raw || undefined}>
      {raw ? plain : <MarkdownMessage text={text} streaming={streaming} />}
    </div>
  );
});
