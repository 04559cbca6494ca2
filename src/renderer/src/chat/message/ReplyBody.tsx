// A message's text with its tool calls placed where they occurred: text the model wrote before a
// call, the call, then what it wrote after the result came back. Earlier pieces of text are
// finished and never re-render; only the last one streams.
import type { ToolDecision } from '../../../../shared/tool-calls';
import type { ToolCallView } from '../store/tool-calls';
import { MessageBody } from './MessageBody';
import { placeCalls } from './tool-placement';
import { ToolCalls, ToolNotices } from './ToolCalls';

interface Props {
  text: string;
  streaming: boolean;
  raw: boolean;
  calls: readonly ToolCallView[] | undefined;
  notices: readonly string[] | undefined;
  onDecide: ((callId: string, decision: ToolDecision) => void) | undefined;
  onStop: (() => void) | undefined;
}

export function ReplyBody({ text, streaming, raw, calls, notices, onDecide, onStop }: Props) {
  const pieces = placeCalls(text.length, calls);
  return (
    <>
      {pieces.map((piece, i) =>
        piece.kind === 'text' ? (
          <MessageBody key={`text-${piece.start}`} text={piece.start === 0 && piece.end === text.length ? text : text.slice(piece.start, piece.end)} streaming={streaming && i === pieces.length - 1} raw={raw} />
        ) : (
          <ToolCalls key={`calls-${piece.calls[0]?.callId}`} calls={piece.calls} onDecide={onDecide} onStop={onStop} />
        ),
      )}
      <ToolNotices notices={notices} />
    </>
  );
}
