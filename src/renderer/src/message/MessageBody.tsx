// The seam between the conversation and how a message's text is drawn: streaming markdown by
// default, the raw text on request.
import { memo } from 'react';
import { MarkdownMessage } from '../markdown';

interface Props {
  text: string;
  streaming: boolean;
  raw?: boolean;
}

export const MessageBody = memo(function MessageBody({ text, streaming, raw = false }: Props) {
  return (
    <div className={raw ? 'message-text plain' : 'message-text'} data-raw={raw || undefined}>
      {raw ? text : <MarkdownMessage text={text} streaming={streaming} />}
    </div>
  );
});
