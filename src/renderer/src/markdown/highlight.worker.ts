// Highlighting off the main thread: a 200 KB block takes highlight.js hundreds of milliseconds,
// which no frame could absorb. The page only swaps the finished markup in, a part at a time.
import hljs from 'highlight.js/lib/common';
import { highlightRun } from './highlight-parts.ts';
import type { HighlightRun } from './highlight-parts.ts';

export interface HighlightRequest {
  id: number;
  code: string;
  lang: string;
  lengths: number[];
  /** Also the last part's markup less its last character (see HighlightRun.head). */
  head: boolean;
}

export interface HighlightReply {
  id: number;
  /** Null when the language is unknown (or its grammar threw). */
  run: HighlightRun | null;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<HighlightRequest>) => void) | null;
  postMessage: (reply: HighlightReply) => void;
};

scope.onmessage = ({ data }) => {
  let run: HighlightRun | null = null;
  try {
    run = highlightRun(hljs, data.code, data.lang, data.lengths, data.head);
    // A growing part's request uses its last part alone: the rest need not cross back.
    if (run && data.head) run = { ...run, parts: run.parts.slice(-1) };
  } catch {
    // A grammar that throws leaves the block plain rather than losing it.
  }
  scope.postMessage({ id: data.id, run });
};
