import { memo, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { BlockContext } from './block-context.ts';
import { HighlightedCode } from './components/CodeBlock.tsx';
import { StreamingTable } from './components/StreamingTable.tsx';
import { tableChunks, tableHeadArriving } from './table-tail.ts';
import { StreamingParagraph } from './components/StreamingParagraph.tsx';
import { paragraphPieces } from './long-paragraph.ts';
import { displayMathOnly, fencedCodeOnly, openFenceCode, plainLanguage, unclosedFenceCode } from './fenced-code.ts';
import { DisplayMath } from './components/Formula.tsx';
import { hasLongWord } from './long-words.ts';
import { LongText } from './LongText.tsx';
import { MarkdownBody } from './MarkdownBody.tsx';
import { renderStats } from './render-stats.ts';
import { repairTail, withDefinitions } from './tail-repair.ts';
import { RefBody } from './components/RefBody.tsx';
import { definitionsOnly } from './definitions-tail.ts';
import { listChunks } from './list-tail.ts';
import { StreamingList } from './components/StreamingList.tsx';
import { TypesetNowContext } from './math.ts';
import { layoutNow, onIdle } from './idle.ts';
import { LateDefinitionsContext } from './late-references.ts';
import { definitionsFor } from './definitions-for.ts';
import { simpleDefinitions } from './split/verify.ts';
import { plainBlock } from './plain-inline.ts';
import type { PlainBlock } from './plain-inline.ts';
import { PlainBlockView } from './components/PlainBlockView.tsx';

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
  /** The block the reply ends on, settling now: its formulas are typeset in this commit (math.ts). */
  ending?: boolean;
}

/** One piece of a message. Memoized: a settled block re-renders only if its definitions change. */
export const Block = memo(function Block({ ending = false, ...props }: BlockProps) {
  // Provided here, outside every memoized piece below, so each formula sees it change.
  return (
    <TypesetNowContext.Provider value={ending}>
      <BlockContent {...props} ending={ending} />
    </TypesetNowContext.Provider>
  );
});

/**
 * The definitions for a table or list rendered piece by piece. Settled while the reply streams
 * (`late`), its references follow the message's definitions as they arrive, from context; a piece
 * renders again only if the definitions it is given change. Always present on these paths, so a
 * block keeps its pieces as it settles.
 */
function PieceDefinitions({ raw, given, late, children }: { raw: string; given: string; late: boolean; children: (definitions: string) => ReactNode }) {
  const context = useContext(LateDefinitionsContext);
  const text = late ? context.text : '';
  const fromContext = useMemo(() => (late ? definitionsFor(raw, text) : ''), [late, raw, text]);
  return children(late ? fromContext : given);
}

function BlockContent({ blockKey, raw, definitions, settled, fence, lateRefs = false, ending = false }: BlockProps) {
  renderStats.blockRenders++;
  renderStats.onBlockRender?.(blockKey);
  /** This block was last shown as a table cut into rows, or a list cut into items. */
  const grewAsTable = useRef(false);
  const grewAsList = useRef(false);
  // A long paragraph settling while the reply goes on is shown as the pieces it streamed as (the
  // frame that settles it parses only its last piece); the whole parse that makes it exact runs
  // in idle time. Not when the pieces would render differently (the definitions they were given
  // changed), nor for the block the reply ends on: the end must leave nothing to change later.
  const piecesWith = useRef<string | null>(null);
  const [exact, setExact] = useState(false);
  const keptPieces = settled && !ending && !exact && fence === 'none' && piecesWith.current === definitions ? paragraphPieces(raw) : null;
  const settling = keptPieces !== null;
  useEffect(() => {
    if (settling) onIdle(() => setExact(true));
  }, [settling]);
  // Parsed whole in idle time: the style and layout of what that rebuilt are paid there too.
  useLayoutEffect(() => {
    if (exact) layoutNow();
  }, [exact]);
  // Settling, it is still shown as it streamed: its pieces keep the info they had, and none of
  // them renders again.
  const shownSettled = settled && !settling;
  const info = useMemo(() => ({ key: blockKey, settled: shownSettled }), [blockKey, shownSettled]);
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
  // Settled, a block of definitions that read the same without the parser renders nothing too,
  // unparsed: a reply that ends on its citations would otherwise parse them in its last frame.
  if (settled && fence === 'none' && raw.startsWith('[') && simpleDefinitions(raw)?.length) return null;
  const pieces = openTail ? paragraphPieces(raw) : keptPieces;
  piecesWith.current = pieces ? definitions : null;
  if (pieces) return <StreamingParagraph info={info} pieces={pieces} definitions={definitions} settling={settling} />;
  if (openTail && raw.length > PLAIN_TAIL) {
    // micromark's emphasis matching is super-linear on long runs of text full of "*" and "_"
    // (40 KB of such a line takes ~1 s): a huge streaming tail is shown as text until it settles.
    return <p className="md-plain-tail">{raw}</p>;
  }
  // A table keeps its rows when it settles (no remount, no re-parse of rows that are final).
  const chunks = openTail || (grewAsTable.current && fence === 'none') ? tableChunks(raw, !settled) : null;
  grewAsTable.current = chunks !== null;
  // A table's header row waits unseen until its delimiter row makes it a table.
  if (!chunks && openTail && tableHeadArriving(raw)) return null;
  // A list likewise keeps its items.
  const list = !chunks && (openTail || (grewAsList.current && fence === 'none')) ? listChunks(raw, !settled) : null;
  grewAsList.current = list !== null;
  if (chunks || list) {
    return (
      <PieceDefinitions raw={raw} given={definitions} late={lateRefs && settled}>
        {(defs) => (chunks ? <StreamingTable info={info} chunks={chunks} definitions={defs} /> : list && <StreamingList info={info} list={list} definitions={defs} />)}
      </PieceDefinitions>
    );
  }
  const source = settled ? raw : repairTail(raw, fence !== 'none');
  // Nothing left to show yet (a list marker or "#" alone, hidden until its text comes).
  if (source === '') return null;
  // A `$$` formula alone: the formula component the parser's path would reach (CodeBlock), as is.
  const math = fence !== 'whole' ? displayMathOnly(source) : null;
  if (math) return <DisplayMath tex={math.tex} ready={settled || math.closed} />;
  // A paragraph, heading or quote whose inline markdown is certain skips the parser
  // (plain-inline.ts): the streaming tail every frame, a settled block when it is promoted. Its
  // references look their definitions up in context, so definitions arriving re-render only links.
  const plain = fence === 'none' ? plainBlock(source) : null;
  // A paragraph of one line is shown as the one piece of a paragraph streamed in pieces: when it
  // grows long enough to be cut, or settles, its <p> and the elements of its first piece (its
  // formulas among them) stay as they are instead of being built again in that frame.
  if (plain && onePiece(plain, source)) return <StreamingParagraph info={info} pieces={[source]} definitions={definitions} growing={false} />;
  if (plain) return <PlainBlockView block={plain} />;
  // Its references follow definitions through context: a late definition re-renders only links.
  if (lateRefs && settled && fence === 'none') return <RefBody info={info} raw={raw} />;
  // An open fence would swallow appended definitions, so they are added only outside one.
  return <MarkdownBody info={info} source={fence === 'none' ? withDefinitions(source, definitions) : source} />;
}

function onePiece(plain: PlainBlock, source: string): boolean {
  return plain.tag === 'p' && plain.quotes === 0 && !source.replace(/[ \t\n]+$/, '').includes('\n');
}
