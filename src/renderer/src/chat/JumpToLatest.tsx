// Floats over the bottom of the conversation while the reader is scrolled up; while a reply is
// still streaming below the view it says so, so nobody misses an answer that ends far below.
import { ArrowDown } from 'lucide-react';

interface Props {
  /** A reply is arriving below the visible part of the conversation. */
  arriving: boolean;
  onJump(): void;
}

export function JumpToLatest({ arriving, onJump }: Props) {
  return (
    <button
      type="button"
      className={`jump-latest${arriving ? ' arriving' : ''}`}
      aria-label={arriving ? 'Jump to latest: the reply is still arriving' : 'Jump to latest'}
      data-tip={arriving ? undefined : 'Jump to latest'}
      data-tip-side="top"
      onClick={onJump}
    >
      <ArrowDown aria-hidden="true" focusable="false" />
      {arriving && <span className="jump-hint" aria-hidden="true">New text below</span>}
    </button>
  );
}
