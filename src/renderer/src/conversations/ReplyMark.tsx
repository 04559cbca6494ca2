// The sidebar's small sign beside a conversation: its reply is streaming, or it finished or
// failed while the user was in another conversation (until they open it).
import type { ReplyMark as Mark } from './reply-mark-state';
import './reply-mark.css';

const LABELS: Record<Mark, string> = {
  streaming: 'Replying',
  finished: 'New reply',
  failed: 'Reply failed',
};

export function ReplyMark({ mark }: { mark: Mark | undefined }) {
  if (!mark) return null;
  return <span className={`reply-mark ${mark}`} role="img" aria-label={LABELS[mark]} title={LABELS[mark]} />;
}
