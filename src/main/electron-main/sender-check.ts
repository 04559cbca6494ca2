// IPC may only come from the app's own window, its main frame (never an iframe), showing the
// app's own origin. Structural types keep the predicate testable with plain objects.
import { originOf } from './app-origin';

export interface SenderEventLike {
  sender: unknown;
  senderFrame: { url: string } | null;
}

export interface OwnContentsLike {
  mainFrame: unknown;
}

export function isOwnMainFrame(event: SenderEventLike, own: OwnContentsLike | null, allowedOrigins: readonly string[]): boolean {
  if (own === null || event.sender !== own) return false;
  const frame = event.senderFrame;
  // senderFrame is null once the frame has navigated away or been destroyed.
  if (frame === null || frame !== own.mainFrame) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}
