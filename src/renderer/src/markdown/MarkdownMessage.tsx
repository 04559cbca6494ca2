import { memo, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { Block } from './Block.tsx';
import { OneShotMarkdown } from './OneShotMarkdown.tsx';
import { definitionsFor } from './definitions-for.ts';
import { definitionsOnly, streamingDefinitions } from './definitions-tail.ts';
import { LateDefinitionsContext, lateDefinitions, blockByContext, pendingReferences } from './late-references.ts';
import { renderStats } from './render-stats.ts';
import { ReplyStreamingContext, showCachedWaiting } from './math.ts';
import { finalDocument, splitMarkdown, tailFence, tailOf } from './split/splitter.ts';
import type { SplitState, StableBlock } from './split/splitter.ts';

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
  // References follow late definitions through context only in a reply that streamed here; one
  // shown whole (from history) has every definition from the start.
  const [lateRefs] = useState(streaming);
  // One object for the message's life: formulas read whether it streams as they render, and its
  // end re-renders only those still waiting (below), not every formula in it.
  const streamingNow = useRef(streaming);
  streamingNow.current = streaming;
  useLayoutEffect(() => {
    if (!streaming) showCachedWaiting();
  }, [streaming]);
  const previous = useRef<SplitState | null>(null);
  const split = useMemo(() => splitMarkdown(previous.current, text), [text]);
  previous.current = split;
  const settledDoc = useMemo(() => (streaming ? null : finalDocument(split)), [split, streaming]);

  const tail = tailOf(split);
  // A streaming tail of nothing but link definitions renders nothing (Block); its complete lines
  // join the message's definitions at once, so links light up as their definitions arrive.
  const tailDefinitions = streaming ? definitionsOnly(tail) : null;
  const definitions = settledDoc ? settledDoc.definitions : streamingDefinitions(split.definitions, split.definitionIds, tailDefinitions ?? '');
  const late = useMemo(() => lateDefinitions(definitions, !streaming), [definitions, streaming]);
  if (settledDoc?.footnotes) {
    return (
      <div className="md-message">
        <OneShotMarkdown text={text} />
      </div>
    );
  }
  renderStats.tailChars = tail.length;
  const groups = Math.floor(split.blocks.length / GROUP) + 1;
  const tailBlock =
    tail === '' ? null : (
      <Block
        key={split.nextId}
        blockKey={`${uid}#${split.nextId}`}
        raw={tail}
        definitions={joinLines(definitionsFor(tail, definitions), streaming ? pendingReferences(tail, late.byId) : '')}
        settled={!streaming}
        fence={tailFence(split)}
        ending={!streaming}
      />
    );
  return (
    <LateDefinitionsContext.Provider value={late}>
      <ReplyStreamingContext.Provider value={streamingNow}>
        <div className="md-message">
          {Array.from({ length: groups }, (_, g) => (
            <StableGroup
              key={g}
              uid={uid}
              blocks={split.blocks}
              from={g * GROUP}
              definitions={definitions}
              lateRefs={lateRefs}
              tail={g === groups - 1 ? tailBlock : null}
            />
          ))}
        </div>
      </ReplyStreamingContext.Provider>
    </LateDefinitionsContext.Provider>
  );
});

// Blocks are rendered in groups so that a frame which only grows the tail visits a handful of
// group elements and at most GROUP blocks instead of every block. Each group is also the box the
// browser skips while it is off screen (markdown.css): checking a few dozen groups per frame costs
// far less than checking every block. The tail lives in the last group, next to the blocks it
// will join, so a promoted block keeps its component (and DOM) instead of being mounted again.
// Blocks never change once promoted, so a group that does not hold the tail never re-renders.
// Eight blocks: larger groups paint more of the last one off screen (groups of 32 painted more
// than twice as much on a 60 KB reply), smaller ones bring back the per-box checks it saves.
export const GROUP = 8;

interface GroupProps {
  uid: string;
  blocks: readonly StableBlock[];
  from: number;
  definitions: string;
  lateRefs: boolean;
  /** The streaming tail, in the last group only. */
  tail: ReactElement | null;
}

const StableGroup = memo(
  function StableGroup({ uid, blocks, from, definitions, lateRefs, tail }: GroupProps) {
    const settled = blocks.slice(from, from + GROUP).map((b) => {
      const byContext = lateRefs && blockByContext(b);
      const defs = b.usesRefs && !byContext ? definitionsFor(b.raw, definitions) : '';
      return <Block key={b.id} blockKey={`${uid}#${b.id}`} raw={b.raw} definitions={defs} settled fence="none" lateRefs={byContext} />;
    });
    return <div className="md-group">{tail ? [...settled, tail] : settled}</div>;
  },
  (a, b) => {
    if (a.tail !== b.tail || a.uid !== b.uid || a.from !== b.from || a.definitions !== b.definitions || a.lateRefs !== b.lateRefs) return false;
    if (a.blocks === b.blocks) return true;
    const end = Math.min(Math.max(a.blocks.length, b.blocks.length), a.from + GROUP);
    for (let i = a.from; i < end; i++) if (a.blocks[i] !== b.blocks[i]) return false;
    return true;
  },
);

function joinLines(a: string, b: string): string {
  return a && b ? a + '\n' + b : a || b;
}
