// The seam between the conversation and how a message's text is drawn. Plain text for now; the
// streaming markdown renderer plugs in here.
import { memo } from 'react';

export const MessageBody = memo(function MessageBody({ text }: { text: string; streaming: boolean }) {
  return <div className="message-text plain">{text}</div>;
});
