// The error under a failed reply: what happened, the provider's own words only when they add
// something, and for a rejected key or model the way to the provider's settings.
import type { PlumeError } from '../../../shared/provider-events';
import { newDetail } from './error-detail';

interface Props {
  error: PlumeError;
  /** Shown for 401/403: opens the form of the provider that refused. */
  onOpenProvider?: () => void;
}

export function ReplyError({ error, onOpenProvider }: Props) {
  const detail = newDetail(error.message, error.detail);
  const refused = error.kind === 'auth' || error.kind === 'permission';
  return (
    <div className="inline-error" role="alert" data-testid="reply-error" data-kind={error.kind}>
      <span>{error.message}</span>
      {detail && <span className="detail">{detail}</span>}
      {refused && onOpenProvider && (
        <button type="button" className="link-button" onClick={onOpenProvider}>Open provider settings</button>
      )}
    </div>
  );
}
