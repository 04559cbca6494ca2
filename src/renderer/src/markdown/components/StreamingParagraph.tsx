import { memo, useMemo } from 'react';
import type { Components } from 'react-markdown';
import type { BlockInfo } from '../block-context.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { COMPONENTS, Passthrough } from '../plugins.ts';
import { plainParagraph } from '../plain-inline.ts';
import { tailPieceText, withDefinitions } from '../tail-repair.ts';
import { PlainInlines } from './PlainInlines.tsx';

// Each piece is parsed as a paragraph of its own and poured into the one <p> below.
const PIECE_COMPONENTS: Components = { ...COMPONENTS, p: Passthrough };

/**
 * A very long streaming line: finished pieces stay as they are, only the last one re-renders.
 * `settling`: the line is complete, and its whole parse comes in idle time (Block.tsx).
 * `growing` false: the last piece is shown as given (already repaired, or final).
 */
export function StreamingParagraph({
  info,
  pieces,
  definitions,
  settling = false,
  growing = true,
}: {
  info: BlockInfo;
  pieces: string[];
  definitions: string;
  settling?: boolean;
  growing?: boolean;
}) {
  return (
    <p className={settling ? 'md-settling' : undefined}>
      {pieces.map((_, i) => (
        <Piece key={i} info={info} markdown={tailPieceText(pieces, i, growing)} definitions={definitions} space={i > 0} />
      ))}
    </p>
  );
}

const Piece = memo(function Piece({ info, markdown, definitions, space }: { info: BlockInfo; markdown: string; definitions: string; space: boolean }) {
  // A piece whose inline markdown is certain skips the parser; its references follow the
  // message's definitions through context, not `definitions`.
  const plain = useMemo(() => plainParagraph(markdown), [markdown]);
  return (
    <>
      {space && ' '}
      {plain ? <PlainInlines pieces={plain} /> : <MarkdownBody info={info} source={withDefinitions(markdown, definitions)} components={PIECE_COMPONENTS} />}
    </>
  );
});
