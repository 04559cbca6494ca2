import { memo } from 'react';
import type { Components } from 'react-markdown';
import type { BlockInfo } from '../block-context.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { COMPONENTS, Passthrough } from '../plugins.ts';
import { tailPieceSource } from '../tail-repair.ts';

// Each piece is parsed as a paragraph of its own and poured into the one <p> below.
const PIECE_COMPONENTS: Components = { ...COMPONENTS, p: Passthrough };

/**
 * A very long streaming line: finished pieces stay as they are, only the last one re-renders.
 * `settling`: the line is complete, and its whole parse comes in idle time (Block.tsx).
 */
export function StreamingParagraph({ info, pieces, definitions, settling = false }: { info: BlockInfo; pieces: string[]; definitions: string; settling?: boolean }) {
  return (
    <p className={settling ? 'md-settling' : undefined}>
      {pieces.map((_, i) => (
        <Piece
          key={i}
          info={info}
          source={tailPieceSource(pieces, i, definitions)}
          space={i > 0}
        />
      ))}
    </p>
  );
}

const Piece = memo(function Piece({ info, source, space }: { info: BlockInfo; source: string; space: boolean }) {
  return (
    <>
      {space && ' '}
      <MarkdownBody info={info} source={source} components={PIECE_COMPONENTS} />
    </>
  );
});
