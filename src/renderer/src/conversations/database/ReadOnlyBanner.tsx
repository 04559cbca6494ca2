// The app over a history opened read-only (the disk was full at start): a banner above it says
// why and what to do, and the app below it still shows every conversation.
import type { ReactNode } from 'react';

export function ReadOnlyBanner({ reason, children }: { reason: string; children: ReactNode }) {
  return (
    <div className="read-only-frame">
      <p className="read-only-banner" role="alert">
        {reason}
      </p>
      <div className="read-only-app">{children}</div>
    </div>
  );
}
