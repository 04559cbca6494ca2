import { memo, useMemo, useRef } from 'react';
import { BlockContext } from './block-context.ts';
import { HighlightedCode } from './components/CodeBlock.tsx';
import { StreamingTable } from './components/StreamingTable.tsx';
import { tableChunks } from './table-tail.ts';
import { StreamingParagraph } from './components/StreamingParagraph.tsx';
import { paragraphPieces } from './long-paragraph.ts';
import { fencedCodeOnly, openFenceCode, plainLanguage, unclosedFenceCode } from './fenced-code.ts';
import { hasLongWord } from './long-words.ts';
import { LongText } from './LongText.tsx';
import { MarkdownBody } from './MarkdownBody.tsx';
import { renderStats } from './render-stats.ts';
import { repairTail } from './tail-repair.ts';
import { RefBody } from './components/RefBody.tsx';
import { definitionsOnly } from './definitions-tail.ts';

const PLAIN_TAIL = 32_000;

export interface BlockProps {
  /** Unique across messages, fixed for the block's life. */
  blockKey: string;
  raw: string;
  /** Link definitions from elsewhere in the message, '' when the block needs none. */
  definitions: string;
  /** False only for the streaming tail. */
  settled: boolean;
  /** Where the block ends relative to an open code fence. */
  fence: 'none' | 'inside' | 'whole';
  /**
   * Settled while the reply streams, its references read definitions from context (RefBody), so
   * a definition arriving later re-renders only links. Decided by the message, once per block.
   */
  lateRefs?: boolean;
  /** The block the reply ends on, settling now: finish its math in this commit. */
  ending?: boolean;
}

/** One piece of a message. Memoized: a settled block re-renders only if its definitions change. */
export const Block = memo(function Block({ blockKey, raw, definitions, settled, fence, lateRefs = false, ending = false }: BlockProps) {
  renderStats.blockRenders++;
  renderStats.onBlockRender?.(blockKey);
  const info = useMemo(() => ({ key: blockKey, settled }), [blockKey, settled]);
  /** This block was last shown as a table cut into rows. */
  const grewAsTable = useRef(false);
  // A tail that is nothing but an open fence skips markdown parsing. The element tree is the same
  // as for the closed fence below, so the code view stays mounted (and lit) as it closes, or as
  // the reply ends inside it. A ```math fence is display math: the parser's path shows its TeX.
  const open = fence !== 'whole' ? null : settled ? unclosedFenceCode(raw) : openFenceCode(raw);
  if (open && plainLanguage(open.lang)) {
    return (
      <BlockContext.Provider value={info}>
        <HighlightedCode text={open.code} lang={open.lang} offset={0} />
      </BlockContext.Provider>
    );
  }
  // Checked before any markdown work: every parse below is super-linear on a huge unbroken word.
  if (hasLongWord(raw)) return <LongText text={raw} />;
  const fenced = fence === 'none' ? fencedCodeOnly(raw) : null;
  if (fenced) {
    // A closed fence alone: the same code view react-markdown's path would give, without a parse.
    return (
      <BlockContext.Provider value={info}>
        <HighlightedCode text={fenced.code} lang={fenced.lang} offset={0} closed={raw.endsWith('\n')} />
      </BlockContext.Provider>
    );
  }
  // The streaming tail outside any open fence: the cases that skip a whole-tail parse per frame.
  const openTail = !settled && fence === 'none';
  // Link definitions render nothing; they reach the links through the message (definitions-tail.ts).
  if (openTail && definitionsOnly(raw) !== null) return null;
  const pieces = openTail ? paragraphPieces(raw) : null;
  if (pieces) return <StreamingParagraph info={info} pieces={pieces} definitions={definitions} />;
  if (openTail && raw.length > PLAIN_TAIL) {
    // micromark's emphasis matching is super-linear on long runs of text full of "*" and "_"
    // (40 KB of such a line takes ~1 s): a huge streaming tail is shown as text until it settles.
    return <p className="md-plain-tail">{raw}</p>;
  }
  // A table keeps its rows when it settles (no remount, no re-parse of rows that are final).
  const chunks = openTail || (grewAsTable.current && fence === 'none') ? tableChunks(raw) : null;
  grewAsTable.current = chunks !== null;
  if (chunks) return <StreamingTable info={info} chunks={chunks} definitions={definitions} />;
  // Its references follow definitions through context: a late definition re-renders only links.
  if (lateRefs && settled && fence === 'none') return <RefBody info={info} raw={raw} />;
  let source = settled ? raw : repairTail(raw, fence !== 'none');
  // An open fence would swallow appended definitions, so they are added only outside one.
  if (definitions && fence === 'none') source += '\n\n' + definitions;
  return <MarkdownBody info={info} source={source} typesetNow={ending} />;
});
