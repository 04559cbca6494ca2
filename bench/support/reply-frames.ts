// Frame-to-frame times in the real window while the last reply streams, from the first frame it
// shows something (`shown`: what counts, as a CSS selector inside the reply) until it ends.
import type { Page } from 'playwright';

export interface ReplyFrames {
  frames: number[];
  seconds: number;
  /** Characters of the reply's text at the end. */
  chars: number;
}

/**
 * Runs in the page. A string, not a function: tsx would wrap a function's inner functions in a
 * helper the page does not have. Reading text is O(its length), so only until something shows.
 */
const script = (shown: string) => `new Promise((resolve) => {
  const frames = [];
  let last;
  let startedAt;
  const text = (reply) => [...reply.querySelectorAll('.message-text')].map((el) => el.textContent).join('');
  const frame = (now) => {
    const replies = document.querySelectorAll('[data-testid=message-assistant]');
    const reply = replies[replies.length - 1];
    const streaming = reply?.dataset.state === 'streaming';
    if (streaming && startedAt === undefined && [...reply.querySelectorAll(${JSON.stringify(shown)})].some((el) => el.textContent)) startedAt = now;
    if (streaming && startedAt !== undefined && last !== undefined) frames.push(now - last);
    last = now;
    if (reply && !streaming) resolve({ frames, seconds: (now - (startedAt ?? now)) / 1000, chars: text(reply).length });
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

export function recordReplyFrames(page: Page, shown = '.message-text'): Promise<ReplyFrames> {
  return page.evaluate(script(shown)) as Promise<ReplyFrames>;
}
