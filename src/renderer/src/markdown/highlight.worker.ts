// Highlighting off the main thread: a 200 KB block takes highlight.js hundreds of milliseconds,
// which no frame could absorb. The page only swaps the finished markup in, a part at a time.
import hljs from 'highlight.js/lib/common';
import { highlightParts } from './highlight-parts.ts';

export interface HighlightRequest {
  id: number;
  code: string;
  lang: string;
  lengths: number[];
}

export interface HighlightReply {
  id: number;
  parts: string[] | null;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<HighlightRequest>) => void) | null;
  postMessage: (reply: HighlightReply) => void;
};

scope.onmessage = ({ data }) => {
  let parts: string[] | null = null;
  try {
    parts = highlightParts(hljs, data.code, data.lang, data.lengths);
  } catch {
    // A grammar that throws leaves the block plain rather than losing it.
  }
  scope.postMessage({ id: data.id, parts });
};
