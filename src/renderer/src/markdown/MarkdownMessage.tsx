import { memo, useId, useMemo, useRef } from 'react';
import { Block } from './Block.tsx';
import { OneShotMarkdown } from './OneShotMarkdown.tsx';
import { renderStats } from './render-stats.ts';
import { finalDocument, splitMarkdown, tailFence } from './split/splitter.ts';
import type { SplitState } from './split/splitter.ts';

export interface MarkdownMessageProps {
  text: string;
  /** True while the reply is still arriving; the tail is then repaired and code left plain. */
  streaming: boolean;
}

/**
 * Renders a reply as memoized blocks plus one growing tail. Each new `text` re-splits only the
 * new lines and re-renders only the tail (and the block it promotes, if any).
 */
export const MarkdownMessage = memo(function MarkdownMessage({ text, streaming }: MarkdownMessageProps) {
  const uid = useId();
  const previous = useRef<SplitState | null>(null);
  const split = useMemo(() => splitMarkdown(previous.current, text), [text]);
  previous.current = split;
  const settledDoc = useMemo(() => (streaming ? null : finalDocument(split)), [split, streaming]);

  const definitions = settledDoc ? settledDoc.definitions : split.definitions;
  // The settled blocks' elements are reused as they are until a block is promoted (the split
  // keeps the same array until then), so React skips them without comparing their props.
  const stable = useMemo(
    () =>
      split.blocks.map((b) => (
        <Block key={b.id} blockKey={`${uid}#${b.id}`} raw={b.raw} definitions={b.usesRefs ? definitions : ''} settled fence="none" />
      )),
    [split.blocks, definitions, uid],
  );
  if (settledDoc?.footnotes) {
    return (
      <div className="md-message">
        <OneShotMarkdown text={text} />
      </div>
    );
  }
  const tail = text.slice(split.tailStart);
  renderStats.tailChars = tail.length;
  return (
    <div className="md-message">
      {[
        ...stable,
        tail !== '' && (
          <Block
            key={split.nextId}
            blockKey={`${uid}#${split.nextId}`}
            raw={tail}
            definitions={definitions}
            settled={!streaming}
            fence={tailFence(split)}
          />
        ),
      ]}
    </div>
  );
});
